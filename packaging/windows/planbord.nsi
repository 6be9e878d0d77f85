; Planbord's Windows installer (NSIS 3). Built by scripts/package:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> planbord.nsi
; STAGE holds planbord.exe, planbord-cli.exe, planbord.ico, README.txt, plans\*.ron, licenses\*.
;
; Installs for all users into "C:\Program Files\Planbord" (asks for administrator rights):
; - planbord.exe (the window) and planbord-cli.exe (the command line, a console program);
; - the sample plans in plans\ (marked read-only: Planbord offers "Opslaan als..." for them);
; - Start menu: Planbord\Planbord and Planbord\Voorbeeldplannen (the plans folder);
; - plan files: .ron is associated with the ProgID Planbord.Plan, whose Open command is
;   "C:\Program Files\Planbord\planbord.exe" "%1". On Windows a plan is recognised by its
;   extension. Planbord becomes the default for .ron only when no other program is (otherwise it is
;   offered under "Open with"); the uninstaller removes the association again;
; - Add/Remove Programs ("Apps") lists Planbord with its uninstaller.
; Silent: "planbord-0.1.0-windows-x64-setup.exe /S" (optionally /D=C:\Other\Folder, last);
; "uninstall.exe /S". Nothing of the user is removed: plans, preferences and recovery copies in
; %APPDATA%\Planbord stay.

; 64-bit installer (Planbord is 64-bit only; it also runs under a 64-bit-only wine).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "VERSION not defined (makensis -DVERSION=...)"
!endif
!ifndef STAGE
  !error "STAGE not defined (makensis -DSTAGE=...)"
!endif
!ifndef OUTFILE
  !define OUTFILE "planbord-${VERSION}-windows-x64-setup.exe"
!endif

!define APP "Planbord"
!define PROGID "Planbord.Plan"
!define MIME "application/x-planbord+ron"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Planbord"
!define APP_KEY "Software\Planbord"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\planbord.ico"
!define MUI_UNICON "${STAGE}\planbord.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(OpenSample)"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenSample
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one used when Windows speaks neither.
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

LangString OpenSample ${LANG_DUTCH} "Het voorbeeldplan openen (Socius 2021-2025)"
LangString OpenSample ${LANG_ENGLISH} "Open the sample plan (Socius 2021-2025)"
LangString Samples ${LANG_DUTCH} "Voorbeeldplannen"
LangString Samples ${LANG_ENGLISH} "Sample plans"
LangString PlanType ${LANG_DUTCH} "Planbord-plan"
LangString PlanType ${LANG_ENGLISH} "Planbord plan"
LangString Need64 ${LANG_DUTCH} "Planbord heeft een 64-bit Windows nodig."
LangString Need64 ${LANG_ENGLISH} "Planbord needs a 64-bit Windows."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Need64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

; Opens the sample through its association, as the user (not with the installer's rights).
Function OpenSample
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\plans\socius-2021-2025.ron"'
FunctionEnd

Section "Planbord"
  SetOutPath "$INSTDIR"
  File "${STAGE}\planbord.exe"
  File "${STAGE}\planbord-cli.exe"
  File "${STAGE}\planbord.ico"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\licenses"
  File "${STAGE}\licenses\*.*"
  SetOutPath "$INSTDIR\plans"
  ; An earlier version's samples are read-only: make them writable to replace them.
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-subsidie-min3.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-internationaal-later.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-realisatie-voorbeeld.ron" NORMAL
  File "${STAGE}\plans\socius-2021-2025.ron"
  File "${STAGE}\plans\socius-2021-2025-subsidie-min3.ron"
  File "${STAGE}\plans\socius-2021-2025-internationaal-later.ron"
  File "${STAGE}\plans\socius-2021-2025-realisatie-voorbeeld.ron"
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025.ron" READONLY
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-subsidie-min3.ron" READONLY
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-internationaal-later.ron" READONLY
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-realisatie-voorbeeld.ron" READONLY
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu (all users).
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\planbord.exe" "" "$INSTDIR\planbord.ico" 0
  CreateShortcut "$SMPROGRAMS\${APP}\$(Samples).lnk" "$INSTDIR\plans"

  ; Plan files: the ProgID, .ron's "Open with" list, and .ron's default when nobody else has it.
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "$(PlanType)"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\planbord.ico"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\planbord.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKLM "Software\Classes\.ron" ""
  ${If} $0 == ""
  ${OrIf} $0 == "${PROGID}"
    WriteRegStr HKLM "Software\Classes\.ron" "" "${PROGID}"
    WriteRegStr HKLM "Software\Classes\.ron" "Content Type" "${MIME}"
  ${EndIf}
  WriteRegStr HKLM "Software\Classes\Applications\planbord.exe" "FriendlyAppName" "${APP}"
  WriteRegStr HKLM "Software\Classes\Applications\planbord.exe\SupportedTypes" ".ron" ""
  WriteRegStr HKLM "Software\Classes\Applications\planbord.exe\shell\open\command" "" '"$INSTDIR\planbord.exe" "%1"'
  ; "planbord" in the Run dialog (Win+R).
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\planbord.exe" "" "$INSTDIR\planbord.exe"
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and Open command at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Add/Remove Programs.
  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\planbord.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize 0 $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\planbord.exe"
  Delete "$INSTDIR\planbord-cli.exe"
  Delete "$INSTDIR\planbord.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\licenses\*.txt"
  RMDir "$INSTDIR\licenses"
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-subsidie-min3.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-internationaal-later.ron" NORMAL
  SetFileAttributes "$INSTDIR\plans\socius-2021-2025-realisatie-voorbeeld.ron" NORMAL
  Delete "$INSTDIR\plans\socius-2021-2025.ron"
  Delete "$INSTDIR\plans\socius-2021-2025-subsidie-min3.ron"
  Delete "$INSTDIR\plans\socius-2021-2025-internationaal-later.ron"
  Delete "$INSTDIR\plans\socius-2021-2025-realisatie-voorbeeld.ron"
  ; Only empty folders go: a plan someone saved here stays.
  RMDir "$INSTDIR\plans"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\$(Samples).lnk"
  Delete "$SMPROGRAMS\${APP}\Voorbeeldplannen.lnk"
  Delete "$SMPROGRAMS\${APP}\Sample plans.lnk"
  RMDir "$SMPROGRAMS\${APP}"

  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegValue HKLM "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKLM "Software\Classes\.ron\OpenWithProgids"
  ReadRegStr $0 HKLM "Software\Classes\.ron" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKLM "Software\Classes\.ron" ""
    DeleteRegValue HKLM "Software\Classes\.ron" "Content Type"
  ${EndIf}
  DeleteRegKey /ifempty HKLM "Software\Classes\.ron"
  DeleteRegKey HKLM "Software\Classes\Applications\planbord.exe"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\planbord.exe"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
