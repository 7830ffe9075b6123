; Inno Setup 6 script: wraps the PyInstaller folder into SaverisDesktop-Setup-<version>.exe.
;
; Build (after `python packaging\build.py`), or let `python packaging\build.py --installer` do both:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\SaverisDesktop /DOutputDir=dist packaging\windows\SaverisDesktop.iss
;
; - Per-user install without admin rights (PrivilegesRequired=lowest): the app goes to
;   %LOCALAPPDATA%\Programs\Saveris Desktop, the shortcut to the user's Start menu.
; - The uninstaller removes only what Setup installed. The technician's drafts, logs and cache live in
;   %LOCALAPPDATA%\Saveris Desktop\saveris-desktop (platformdirs, see saveris_desktop/core/runtime/paths.py) and
;   saved passwords in Windows Credential Manager; both are kept, and the uninstaller says where.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<version> (packaging\build.py reads it from the package metadata)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\SaverisDesktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\saveris-desktop.ico"
#endif

#define AppName "Saveris Desktop"
#define AppExeName "SaverisDesktop.exe"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{931E7D77-1895-43BF-9127-F9745BAD9967}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=SaverisDesktop-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Saveris Desktop before files are replaced (Restart Manager), and start it again after.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[CustomMessages]
english.DraftsKept=Your drafts, logs and settings were kept in:%n%n%1%n%nDelete that folder yourself if you no longer need them.
german.DraftsKept=Ihre Entwürfe, Protokolle und Einstellungen wurden nicht gelöscht:%n%n%1%n%nLöschen Sie diesen Ordner selbst, wenn Sie sie nicht mehr benötigen.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave DLLs of the previous version next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder is not below {app}, so the uninstaller cannot delete it; this only tells the user.
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}\saveris-desktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DraftsKept'), [DataFolder()]), mbInformation, MB_OK);
end;
