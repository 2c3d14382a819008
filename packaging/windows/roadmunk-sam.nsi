; NSIS installer for Roadmunk SAM (64-bit Windows, per machine). Built by build-installer.ps1,
; which passes the defines below; not built or run on Windows yet (see packaging/README.md).
;
;   makensis /DVERSION=0.1.0 /DDEPLOY_DIR=<windeployqt folder> /DUNINSTALL_LIST=<uninstall-files.nsh>
;            /DOUTFILE=<installer.exe> /DREPO_DIR=<repository root> roadmunk-sam.nsi

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | DEPLOY_DIR | UNINSTALL_LIST | OUTFILE | REPO_DIR
  !error "Pass VERSION, DEPLOY_DIR, UNINSTALL_LIST, OUTFILE and REPO_DIR (see build-installer.ps1)"
!endif

!define APP_NAME "Roadmunk SAM"
!define APP_EXE "roadmunk-sam.exe"
!define PUBLISHER "Roadmunk SAM maintainers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\RoadmunkSAM"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "GNU General Public License version 3"

!define MUI_ICON "${REPO_DIR}\resources\windows\roadmunk-sam.ico"
!define MUI_UNICON "${REPO_DIR}\resources\windows\roadmunk-sam.ico"
!define MUI_ABORTWARNING
; No "run now" on the finish page: it would start the app elevated, as the installer runs.

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${REPO_DIR}\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${DEPLOY_DIR}\*.*"
  File "/oname=roadmunk-sam.ico" "${REPO_DIR}\resources\windows\roadmunk-sam.ico"
  ; windeployqt --compiler-runtime ships the MSVC runtime as its redistributable installer: run it
  ; (it does nothing when the same or a newer runtime is installed), then drop it.
  IfFileExists "$INSTDIR\vc_redist.x64.exe" 0 +3
    ExecWait '"$INSTDIR\vc_redist.x64.exe" /install /quiet /norestart'
    Delete "$INSTDIR\vc_redist.x64.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  SetShellVarContext all
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\roadmunk-sam.ico"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\roadmunk-sam.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; Only what the installer put there (the list comes from the deployed folder), never
  ; RMDir /r: the user may have chosen a folder that holds other files.
  !include "${UNINSTALL_LIST}"
  Delete "$INSTDIR\roadmunk-sam.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; The user's data (%APPDATA%\roadmunk-sam) and the token in Credential Manager stay.
SectionEnd
