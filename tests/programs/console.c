/* console.c: the console on a terminal and redirected. "console.exe" alone (run-tests.sh: stdin
 * /dev/null, stdout a file): every console call fails on the redirected handles with
 * ERROR_INVALID_HANDLE, as Windows, which is how programs detect redirection. "console.exe tty"
 * runs on a pseudo-terminal under tests/programs/pty-run.py (shell-tests.sh): the modes, the
 * terminal's size and cursor through GetConsoleScreenBufferInfo, attributes, cursor moves and the
 * title as ANSI sequences, a cooked line with backspace, raw key events, Ctrl-C to a handler, then
 * to the default handler (exit code STATUS_CONTROL_C_EXIT).
 * Expected: the documentation of GetConsoleMode, WriteConsole, GetConsoleScreenBufferInfo,
 * SetConsoleCtrlHandler and HandlerRoutine on learn.microsoft.com; the redirected part checked
 * with Wine 8.0. The sequences are ECMA-48 / xterm's (docs/console.md). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static void redirected(void)
{
    static const DWORD which[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
    CONSOLE_SCREEN_BUFFER_INFO info;
    DWORD mode, n;
    for (int i = 0; i < 2; i++) {
        HANDLE h = GetStdHandle(which[i]);
        SetLastError(0xdeadbeef);
        BOOL ok = GetConsoleMode(h, &mode);
        printf("%d: GetConsoleMode %d error %lu\n", i, ok, GetLastError());
        SetLastError(0xdeadbeef);
        ok = WriteConsoleW(h, L"x", 1, &n, NULL);
        printf("%d: WriteConsoleW %d error %lu\n", i, ok, GetLastError());
        SetLastError(0xdeadbeef);
        ok = GetConsoleScreenBufferInfo(h, &info);
        printf("%d: GetConsoleScreenBufferInfo %d error %lu\n", i, ok, GetLastError());
        SetLastError(0xdeadbeef);
        ok = SetConsoleTextAttribute(h, FOREGROUND_RED);
        printf("%d: SetConsoleTextAttribute %d error %lu\n", i, ok, GetLastError());
    }
    SetLastError(0xdeadbeef);
    BOOL ok = GetNumberOfConsoleInputEvents(GetStdHandle(STD_INPUT_HANDLE), &n);
    printf("GetNumberOfConsoleInputEvents %d error %lu\n", ok, GetLastError());
    printf("AreFileApisANSI %d", AreFileApisANSI());
    SetFileApisToOEM();
    printf(", after SetFileApisToOEM %d", AreFileApisANSI());
    SetFileApisToANSI();
    printf(", after SetFileApisToANSI %d\n", AreFileApisANSI());
}

static volatile LONG got_event = -1;

static BOOL WINAPI handler(DWORD event)
{
    got_event = event;
    return TRUE;
}

static BOOL WINAPI pass_on(DWORD event)
{
    return FALSE;
}

static void say(HANDLE out, const char *text)
{
    DWORD n;
    WriteFile(out, text, strlen(text), &n, NULL);
}

static void tty(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    CONSOLE_SCREEN_BUFFER_INFO info;
    char buf[256];
    WCHAR line[64];
    DWORD mode_in = 0, mode_out = 0, n;

    GetConsoleMode(in, &mode_in);
    GetConsoleMode(out, &mode_out);
    snprintf(buf, sizeof(buf), "modes %#lx %#lx\r\n", mode_in, mode_out);
    say(out, buf);
    GetConsoleScreenBufferInfo(out, &info);
    snprintf(buf, sizeof(buf), "size %dx%d cursor %d,%d window %d,%d-%d,%d attr %#x\r\n", info.dwSize.X,
             info.dwSize.Y, info.dwCursorPosition.X, info.dwCursorPosition.Y, info.srWindow.Left,
             info.srWindow.Top, info.srWindow.Right, info.srWindow.Bottom, info.wAttributes);
    say(out, buf);
    SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_INTENSITY | BACKGROUND_BLUE);
    WriteConsoleW(out, L"red \x00e9\r\n", 7, &n, NULL);
    SetConsoleTextAttribute(out, info.wAttributes);
    COORD pos = { 3, 2 };
    SetConsoleCursorPosition(out, pos);
    SetConsoleTitleW(L"vinho title");
    GetConsoleTitleW(line, 64);
    snprintf(buf, sizeof(buf), "title [%ls]\r\n", line);
    say(out, buf);

    say(out, "line?");
    ReadConsoleW(in, line, 64, &n, NULL);
    line[n] = 0;
    snprintf(buf, sizeof(buf), "line [%.*ls] %lu\r\n", (int)(n >= 2 ? n - 2 : n), line, n);
    say(out, buf);

    SetConsoleMode(in, ENABLE_EXTENDED_FLAGS);
    say(out, "keys?");
    INPUT_RECORD rec[16];
    for (DWORD total = 0; total < 8;) {
        if (!ReadConsoleInputW(in, rec, 8 - total, &n))
            break;
        for (DWORD i = 0; i < n; i++) {
            KEY_EVENT_RECORD *k = &rec[i].Event.KeyEvent;
            snprintf(buf, sizeof(buf), "key %s vk %#x char %#x state %#lx\r\n", k->bKeyDown ? "down" : "up",
                     k->wVirtualKeyCode, k->uChar.UnicodeChar, k->dwControlKeyState);
            say(out, buf);
        }
        total += n;
    }
    GetNumberOfConsoleInputEvents(in, &n);
    snprintf(buf, sizeof(buf), "events left %lu\r\n", n);
    say(out, buf);
    SetConsoleMode(in, mode_in);

    SetConsoleCtrlHandler(handler, TRUE);
    say(out, "ctrlc?");
    for (int i = 0; i < 3000 && got_event < 0; i++)
        Sleep(10);
    snprintf(buf, sizeof(buf), "handler got %ld\r\n", got_event);
    say(out, buf);
    SetConsoleCtrlHandler(handler, FALSE);
    SetConsoleCtrlHandler(pass_on, TRUE);
    say(out, "default?");
    for (int i = 0; i < 3000; i++)
        Sleep(10);
    say(out, "not ended\r\n");
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "tty"))
        tty();
    else
        redirected();
    return 0;
}
