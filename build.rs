//! Build script. For a Windows target (cross-built with MinGW, see scripts/package) it gives the
//! programs their icon (assets/icons/planbord.ico, shown by Explorer, the taskbar and the installer's
//! shortcuts) and version information (Properties → Details): a resource file compiled with MinGW's
//! `windres` and linked into each program. Without `windres` the programs are built without them
//! (a warning says so). For any other target it does nothing.
#![allow(clippy::print_stdout)] // a build script talks to cargo on stdout
#![allow(clippy::disallowed_methods)] // and writes its resource file into OUT_DIR, not through store

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/planbord.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "windows" {
        return;
    }
    let windres = match std::env::var("WINDRES") {
        Ok(windres) => windres,
        Err(_) if var("CARGO_CFG_TARGET_ENV") == "gnu" => {
            format!("{}-w64-mingw32-windres", var("CARGO_CFG_TARGET_ARCH"))
        }
        Err(_) => "windres".to_string(),
    };
    let out = PathBuf::from(var("OUT_DIR"));
    let icon = PathBuf::from(var("CARGO_MANIFEST_DIR")).join("assets/icons/planbord.ico");
    let version = var("CARGO_PKG_VERSION");
    let mut numbers: Vec<&str> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|n| if n.parse::<u16>().is_ok() { n } else { "0" })
        .collect();
    numbers.resize(4, "0");
    let numeric = numbers.join(",");
    let description = var("CARGO_PKG_DESCRIPTION");
    // 0x0813: Dutch (Belgium); 1200: UTF-16.
    let rc = format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {numeric}
PRODUCTVERSION {numeric}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "081304B0"
    BEGIN
      VALUE "CompanyName", "Planbord"
      VALUE "FileDescription", "Planbord"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "planbord"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "ProductName", "Planbord"
      VALUE "ProductVersion", "{version}"
      VALUE "Comments", "{description}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0813, 1200
  END
END
"#,
        icon = icon.display().to_string().replace('\\', "/"),
    );
    let rc_path = out.join("planbord.rc");
    let object = out.join("planbord-resource.o");
    if let Err(e) = std::fs::write(&rc_path, rc) {
        println!("cargo:warning=cannot write {}: {e}", rc_path.display());
        return;
    }
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&rc_path)
        .arg("--output-format=coff")
        .arg("--output")
        .arg(&object)
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("cargo:rustc-link-arg-bins={}", object.display());
        }
        Ok(s) => println!("cargo:warning={windres} failed ({s}): the programs have no icon"),
        Err(e) => println!("cargo:warning={windres} not found ({e}): the programs have no icon"),
    }
}
