use clap::Parser;
use planbord::app::PlanApp;
use planbord::cli::{Cli, run_command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return run_command(command, &mut std::io::stdout(), &mut std::io::stderr());
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1440.0, 880.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("Planbord"),
        ..Default::default()
    };
    let files = cli.files.clone();
    let (panel, goal) = (cli.panel, cli.goal.clone());
    let result = eframe::run_native(
        "Planbord",
        options,
        Box::new(move |cc| {
            let mut app = PlanApp::from_files(&files, Some(cc));
            if let Some(panel) = panel {
                app.view.panel = panel;
            }
            if let Some(code) = goal {
                app.select_goal_by_code(&code);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
