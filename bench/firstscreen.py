#!/usr/bin/env python3
"""Time from starting defensa in a real pseudo-terminal to its first screen.

Usage: firstscreen.py BINARY [runs] [--answer]

The pseudo-terminal never answers terminal queries (colour, capabilities),
like tmux and many consoles; with --answer it replies to the background
colour query, like a modern terminal. defensa must draw its first screen
at once either way. Prints the median and worst time in milliseconds, and
the peak memory (max RSS) of the process.
"""
import fcntl, os, pty, resource, select, statistics, struct, sys, termios, time

def once(binary, answer):
    pid, fd = pty.fork()
    if pid == 0:
        # An 80x24 window, as a console would report it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ.update({"TERM": "xterm-256color", "LANG": "en_US.UTF-8"})
        os.execv(binary, [binary])
    start = time.monotonic()
    seen = b""
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            raise SystemExit("no first screen within 10 s")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise SystemExit("defensa exited early")
        seen += chunk
        if answer and b"\x1b]11;?" in chunk:
            os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
        if b"Campaign guide" in seen:
            elapsed = (time.monotonic() - start) * 1000
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return elapsed

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 20
    answer = "--answer" in sys.argv
    times = [once(binary, answer) for _ in range(runs)]
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    kind = "answers queries" if answer else "never answers queries"
    print(f"first screen ({kind}): median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms over {runs} runs; peak RSS {rss:.1f} MB")

main()
