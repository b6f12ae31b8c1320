#!/usr/bin/env python3
"""pty-run.py: runs a program on a pseudo-terminal, for the console tests of shell-tests.sh.

pty-run.py [--size ROWSxCOLS] [--dsr ROW;COL] [--send MARKER DATA]... -- PROGRAM ARGS...

The terminal has the given size. When the program asks where the cursor is (ESC [ 6 n), the
answer is ESC [ ROW;COL R. Each --send, in order, writes DATA (Python string escapes: \\x1b,
\\r, ...) once the program's output holds MARKER. Prints everything the program wrote to the
terminal, bytes outside printable ASCII as \\xNN (newlines kept), then "exit=N". Gives up after
30 seconds."""
import fcntl, os, pty, select, signal, struct, sys, termios, time

def main():
    args = sys.argv[1:]
    rows, cols, dsr, sends = 24, 80, b"1;1", []
    while args and args[0] != "--":
        if args[0] == "--size":
            rows, cols = (int(v) for v in args[1].split("x"))
            args = args[2:]
        elif args[0] == "--dsr":
            dsr = args[1].encode()
            args = args[2:]
        elif args[0] == "--send":
            sends.append((args[1].encode(), args[2].encode().decode("unicode_escape").encode("latin-1")))
            args = args[3:]
        else:
            sys.exit("pty-run.py: unknown option " + args[0])
    pid, fd = pty.fork()
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvp(args[1], args[1:])
    out, seen, deadline = b"", 0, time.time() + 30
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
            continue
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
        while b"\x1b[6n" in out[seen:]:
            seen = out.index(b"\x1b[6n", seen) + 4
            os.write(fd, b"\x1b[" + dsr + b"R")
        while sends and sends[0][0] in out:
            out_marker = out.index(sends[0][0]) + len(sends[0][0])
            os.write(fd, sends[0][1])
            out = out[:out_marker].replace(sends[0][0], b"<" + sends[0][0] + b">") + out[out_marker:]
            sends.pop(0)
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    text = "".join(chr(b) if 32 <= b < 127 or b == 10 else "\\x%02x" % b for b in out)
    print(text)
    print("exit=%d" % (os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)))

main()
