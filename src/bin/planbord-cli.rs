//! `planbord-cli`: Planbord as a console program, for Windows, where `planbord.exe` is a windowed
//! program whose output a console does not show. The same commands, output and exit codes as
//! `planbord` (`planbord-cli summary plan.ron`, git's merge driver); without a command it opens the
//! window too. On Linux and macOS `planbord` itself is the console program.

#[allow(unused_attributes)] // main.rs's `windows_subsystem` only counts in its own crate
#[path = "../main.rs"]
mod planbord_main;

fn main() -> std::process::ExitCode {
    planbord_main::main()
}
