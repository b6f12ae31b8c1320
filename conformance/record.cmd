@echo off
rem record.cmd: runs the prebuilt conformance cases on Windows and rewrites their transcripts.
rem Unzip vinho-conformance.zip (make conformance-zip), then from that folder run:
rem     record.cmd              writes <area>\<case>.out next to the cases
rem     record.cmd C:\src\vinho\conformance   writes them straight into a source tree
rem Each case runs in a fresh empty folder, with <case>.cmdline as its arguments and <case>.stdin
rem as its input when they exist; the transcript is its stdout then "exit=%ERRORLEVEL%".
rem A case built for the UCRT (ucrt\<area>\<case>.exe, the same name in a folder of its own)
rem writes <area>\<case>.ucrt.out; keep that file only if it differs from <case>.out (the msvcrt
rem transcript is the default for both).
setlocal enableextensions
set "HERE=%~dp0"
set "DEST=%~1"
if "%DEST%"=="" set "DEST=%HERE%"
if not "%DEST:~-1%"=="\" set "DEST=%DEST%\"
set "WORK=%TEMP%\vinho-conformance-%RANDOM%"
set COUNT=0
rem The .cmdline files are UTF-8: "set /p" reads them in the console code page, so switch it to
rem 65001 while reading one and back to this one (the number in chcp's answer) for the case.
rem Without a console chcp answers 0 (Wine's cmd run from a script): then nothing is switched.
set OLDCP=
for /f "tokens=2 delims=:." %%C in ('chcp') do set /a OLDCP=%%C
if "%OLDCP%"=="0" set OLDCP=
rem Relative, unquoted patterns: area names hold no spaces (and Wine's cmd needs it so).
pushd "%HERE%"
for /d %%A in (*) do if /i not "%%A"=="ucrt" call :area "%%A" ""
popd
if exist "%HERE%ucrt\" (
    pushd "%HERE%ucrt"
    for /d %%A in (*) do call :area "%%A" ".ucrt"
    popd
)
if exist "%WORK%" rmdir /s /q "%WORK%"
echo recorded %COUNT% transcripts into %DEST%
endlocal
exit /b 0

:area
rem %1 an area folder (under the current one), %2 the transcript's suffix: "" or ".ucrt".
for %%E in (%~1\*.exe) do call :runcase "%~1" "%%~fE" "%%~nE" "%~2"
exit /b 0

:runcase
rem %1 area, %2 full path of the exe, %3 the case (its name without .exe), %4 the suffix
set "AREA=%~1"
set "EXE=%~2"
set "CASE=%~3"
set "NAME=%~3%~4"
set "ARGS="
if exist "%HERE%%AREA%\%CASE%.cmdline" call :readargs "%HERE%%AREA%\%CASE%.cmdline"
set "INPUT=NUL"
if exist "%HERE%%AREA%\%CASE%.stdin" set "INPUT=%HERE%%AREA%\%CASE%.stdin"
if exist "%WORK%" rmdir /s /q "%WORK%"
mkdir "%WORK%"
if not exist "%DEST%%AREA%" mkdir "%DEST%%AREA%"
pushd "%WORK%"
rem The arguments may leave cmd.exe's quote state open: keep them off the redirecting line.
call :exec < "%INPUT%" > "%DEST%%AREA%\%NAME%.out" 2> NUL
echo exit=%ERRORLEVEL%>> "%DEST%%AREA%\%NAME%.out"
popd
set /a COUNT+=1
exit /b 0

:readargs
rem %1 a .cmdline file (UTF-8): its one line into ARGS.
if defined OLDCP chcp 65001 > NUL
set /p ARGS=<"%~1"
if defined OLDCP chcp %OLDCP% > NUL
exit /b 0

:exec
"%EXE%" %ARGS%
exit /b %ERRORLEVEL%
