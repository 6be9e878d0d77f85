// On Windows a release build is a windowed program: no console window behind the editor. The
// command line is `planbord-cli.exe` (src/bin/planbord-cli.rs), the same program as a console one.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use planbord::app::PlanApp;
use planbord::cli::{Cli, run_command};
use std::process::ExitCode;
use std::time::Instant;

/// With `PLANBORD_STARTUP_PROBE=1` the window reports the time from process start to the first
/// painted frame on stderr and closes (for measuring start-up, see docs/performance.md).
struct StartupProbe {
    app: PlanApp,
    started: Instant,
    frames: u32,
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        self.frames += 1;
        // The first frame is painted after its `ui`; the second call starts after that paint.
        if self.frames == 2 {
            eprintln!(
                "first frame painted after {:.0} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

/// The app id: the name of the desktop entry (`be.planbord.Planbord.desktop`) that the desktop
/// matches the window to (Wayland's app id, X11's WM_CLASS). The preferences stay where eframe
/// kept them under the name `Planbord` (`~/.local/share/planbord/app.ron`).
pub const APP_ID: &str = "be.planbord.Planbord";

pub fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        let lang = planbord::cli::resolve_lang(cli.lang);
        return run_command(
            command,
            lang,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1440.0, 880.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("Planbord")
            .with_app_id(APP_ID)
            .with_icon(
                eframe::icon_data::from_png_bytes(include_bytes!(
                    "../assets/icons/planbord-256.png"
                ))
                .unwrap_or_default(),
            ),
        persistence_path: eframe::storage_dir("Planbord").map(|d| d.join("app.ron")),
        ..Default::default()
    };
    let files = cli.files.clone();
    let (panel, goal) = (cli.panel, cli.goal.clone());
    let probe = std::env::var_os("PLANBORD_STARTUP_PROBE").is_some_and(|v| v != "0");
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
            if probe {
                return Ok(Box::new(StartupProbe {
                    app,
                    started,
                    frames: 0,
                }));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let t = planbord::i18n::tr(planbord::cli::resolve_lang(cli.lang));
            eprintln!("{}: {}: {e}", t.cli.error, t.window_failed);
            ExitCode::FAILURE
        }
    }
}
