<#
.SYNOPSIS
  Builds roadmunk-sam.exe, deploys Qt next to it with windeployqt and wraps it in an NSIS
  installer: <BuildDir>\Roadmunk-SAM-<version>-win64-setup.exe.

.DESCRIPTION
  Written for the README's Windows setup (Visual Studio 2022 developer prompt, vcpkg, Ninja),
  plus NSIS 3 (makensis). Not yet run on Windows: see packaging\README.md.

  From the repository root, in a "x64 Native Tools" / developer PowerShell:
    packaging\windows\build-installer.ps1 -CMakeArgs "-DCMAKE_TOOLCHAIN_FILE=$env:VCPKG_ROOT\scripts\buildsystems\vcpkg.cmake"

.PARAMETER BuildDir
  The build directory (configured here if it is not yet). Default: build-windows.
.PARAMETER WinDeployQt
  Path to windeployqt.exe. Default: found on PATH, then in vcpkg's installed tree.
.PARAMETER MakeNsis
  Path to makensis.exe. Default: found on PATH, then in Program Files (x86)\NSIS.
.PARAMETER CMakeArgs
  Extra arguments for the CMake configure step (toolchain file, CMAKE_PREFIX_PATH).
#>
param(
    [string]$BuildDir = "build-windows",
    [string]$WinDeployQt = "",
    [string]$MakeNsis = "",
    [string[]]$CMakeArgs = @()
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $repo

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

function Find-Tool {
    param([string]$Given, [string]$Name, [string[]]$Candidates)
    if ($Given) { return (Resolve-Path $Given).Path }
    $onPath = Get-Command $Name -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    foreach ($c in $Candidates) { if ($c -and (Test-Path $c)) { return $c } }
    throw "$Name not found: pass its path (-WinDeployQt / -MakeNsis) or put it on PATH."
}

# 1. Build (Release, without the tests) -------------------------------------------------------
if (-not (Test-Path (Join-Path $BuildDir "CMakeCache.txt"))) {
    Invoke-Checked cmake (@("-S", ".", "-B", $BuildDir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
        "-DRMSAM_BUILD_TESTS=OFF") + $CMakeArgs)
}
Invoke-Checked cmake @("--build", $BuildDir, "--target", "roadmunk-sam", "roadmunk-sam-console")
$cache = Get-Content (Join-Path $BuildDir "CMakeCache.txt")
$version = ($cache | Select-String -Pattern '^CMAKE_PROJECT_VERSION:STATIC=(.+)$').Matches[0].Groups[1].Value

# 2. Deploy: the exe, the non-Qt DLLs vcpkg copied next to it (QtKeychain), then Qt ----------
$deploy = Join-Path $BuildDir "deploy"
if (Test-Path $deploy) { Remove-Item -Recurse -Force $deploy }
New-Item -ItemType Directory $deploy | Out-Null
Copy-Item (Join-Path $BuildDir "roadmunk-sam.exe") $deploy
# The console twin for the commands (see CMakeLists.txt); it needs the same DLLs.
Copy-Item (Join-Path $BuildDir "roadmunk-sam.com") $deploy
Get-ChildItem $BuildDir -Filter *.dll | Copy-Item -Destination $deploy

$vcpkgTools = if ($env:VCPKG_ROOT) { Join-Path $env:VCPKG_ROOT "installed\x64-windows\tools\Qt6\bin\windeployqt.exe" } else { "" }
$windeployqt = Find-Tool $WinDeployQt "windeployqt.exe" @($vcpkgTools)
# --compiler-runtime puts the MSVC runtime's installer (vc_redist.x64.exe) in deploy\; the NSIS
# installer runs it. The SQLite driver
# (sqldrivers), the platform, style, image format, SVG icon engine and TLS plugins come with the
# modules the exe links; Qt's own Japanese translations go to translations\.
Invoke-Checked $windeployqt @("--release", "--compiler-runtime", "--dir", $deploy,
    (Join-Path $deploy "roadmunk-sam.exe"))
foreach ($needed in @("platforms\qwindows.dll", "sqldrivers\qsqlite.dll", "iconengines\qsvgicon.dll")) {
    if (-not (Test-Path (Join-Path $deploy $needed))) { throw "windeployqt did not deploy $needed" }
}
# HTTPS to Roadmunk needs a TLS backend (Schannel or OpenSSL, whichever the Qt build has); the
# certificate-only backend cannot make connections.
$tlsBackends = @("qschannelbackend.dll", "qopensslbackend.dll") | Where-Object { Test-Path (Join-Path $deploy "tls\$_") }
if (-not $tlsBackends) {
    throw "windeployqt deployed no TLS backend (tls\qschannelbackend.dll or tls\qopensslbackend.dll)"
}
# The least it must do: start from the deployed folder, and find its own version.
$reported = & (Join-Path $deploy "roadmunk-sam.com") --version | Out-String
if ($reported.Trim() -ne "roadmunk-sam $version") { throw "The deployed program says '$reported', expected $version" }

# 3. The uninstaller deletes exactly what was deployed -----------------------------------------
$deployFull = (Resolve-Path $deploy).Path
$lines = @()
Get-ChildItem $deployFull -Recurse -File | ForEach-Object {
    $lines += "  Delete `"`$INSTDIR\$($_.FullName.Substring($deployFull.Length + 1))`""
}
Get-ChildItem $deployFull -Recurse -Directory | Sort-Object { $_.FullName.Length } -Descending | ForEach-Object {
    $lines += "  RMDir `"`$INSTDIR\$($_.FullName.Substring($deployFull.Length + 1))`""
}
$uninstallList = Join-Path (Resolve-Path $BuildDir).Path "uninstall-files.nsh"
$lines | Set-Content -Encoding UTF8 $uninstallList

# 4. The installer -----------------------------------------------------------------------------
$nsisDefault = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe"
$makensis = Find-Tool $MakeNsis "makensis.exe" @($nsisDefault)
$outFile = Join-Path (Resolve-Path $BuildDir).Path "Roadmunk-SAM-$version-win64-setup.exe"
Invoke-Checked $makensis @("/V2", "/DVERSION=$version", "/DDEPLOY_DIR=$deployFull",
    "/DUNINSTALL_LIST=$uninstallList", "/DOUTFILE=$outFile", "/DREPO_DIR=$repo",
    (Join-Path $PSScriptRoot "roadmunk-sam.nsi"))
Write-Host "Built $outFile"
