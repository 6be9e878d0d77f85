use clap::Parser;
use planbord::cli::{Cli, run_command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => run_command(command, &mut std::io::stdout(), &mut std::io::stderr()),
        None => {
            eprintln!("The editor window is not built yet; use `planbord check FILE` or `planbord summary FILE`.");
            ExitCode::FAILURE
        }
    }
}
