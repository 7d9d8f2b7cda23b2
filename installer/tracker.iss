; 报送督办台账 — Inno Setup 6 script: a per-user installer (no administrator rights).
; Built by installer/build.py, which passes
;   /DAppVersion=<tracker.__version__> /DFileVersion=<the same as a.b.c.d>
;   /DSourceDir=<dist\tracker> /DOutputDir=<dist>
;   /DIconFile=<resources\icons\app.ico> [/DChineseIsl=<ChineseSimplified.isl>]
; Saved as UTF-8 with a byte-order mark, so Inno Setup reads the Chinese texts right.
;
; Upgrades: AppId never changes, so a newer installer finds the earlier install, closes the
; running program, replaces the whole bundle in place and keeps the shortcuts. The clerk's
; workspace (%LOCALAPPDATA%\tracker) lives outside {app}: it is neither touched by an upgrade
; nor removed by the uninstaller. The new program upgrades the workspace's database on first
; start, after a verified pre-migration backup (tracker.services.workspace, Workspace.open).

#if VER < EncodeVer(6, 3, 0)
  #error "Inno Setup 6.3 or later is needed (ArchitecturesAllowed=x64compatible)."
#endif

#define AppName "报送督办台账"
#define ExeName "tracker.exe"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef FileVersion
  #define FileVersion "0.1.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\tracker"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\resources\icons\app.ico"
#endif

; The wizard's own texts (buttons, pages): Chinese from ChineseSimplified.isl, which recent
; Inno Setup releases ship in their Languages folder and older ones lack (a translation file
; can be passed with /DChineseIsl=FILE). Without it the wizard falls back to English and the
; compiler warns; the texts this script defines below are Chinese either way.
#ifdef ChineseIsl
  #define WizardMessages ChineseIsl
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define WizardMessages "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found: the wizard's own buttons and pages will be in English. Use a newer Inno Setup, or pass /DChineseIsl=FILE (build.py --chinese-isl FILE)."
  #define WizardMessages "compiler:Default.isl"
#endif

[Setup]
AppId={{4FCB427C-AB6C-4B38-9490-56B4E8C57360}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=标准化处
VersionInfoVersion={#FileVersion}
VersionInfoDescription={#AppName} 安装程序
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
UsePreviousAppDir=yes
DisableDirPage=auto
DisableProgramGroupPage=yes
DisableWelcomePage=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#ExeName}
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=tracker-setup-{#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=force
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "zh"; MessagesFile: "{#WizardMessages}"

[CustomMessages]
zh.ShortcutsGroup=快捷方式：
zh.DesktopIcon=在桌面创建“{#AppName}”快捷方式
zh.StartComment=登记报送、查看逾期、打印催报函、导出统计表
zh.LaunchApp=立即运行“{#AppName}”
zh.DataKept=“{#AppName}”已卸载。%n%n您的台账数据仍保存在：%n%1%n%n重新安装后即可继续使用；如确定不再需要，可手动删除该文件夹。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: libraries the new version no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Comment: "{cm:StartComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Comment: "{cm:StartComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { The workspace is the clerk's ledger: never removed, and the clerk is told where it is. }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\tracker')]),
      mbInformation, MB_OK);
end;
