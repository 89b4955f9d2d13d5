#!/usr/bin/env python3
"""Start-up of defensa against a bare Bubble Tea v2 program and against
`defensa version`, measured side by side on this machine (issue 13).

Usage: bench/startup.py DEFENSA HELLO [--runs N] [--marker TEXT]

- first useful screen in a pseudo-terminal (80x24): from exec until the
  screen shows MARKER (defensa) or "first frame" (the bare program), runs
  interleaved A B A B; with and without a terminal that answers the
  background-colour query;
- read (the longest guide, to a pipe), search and list as whole processes
  against `defensa version`, interleaved;
- peak memory (max RSS) of each;
- the size of the binary.

It prints medians and the ratio of medians; the targets of issue 13 are
first screen <= 1.5x the bare program, read <= 2x version, search <= 2.5x
version, peak RSS < 20 MiB, stripped binary < 11 MB. The machine is shared
and noisy: compare ratios from one run, not absolute times across runs.
"""
import argparse, fcntl, json, os, pty, select, statistics, struct, subprocess, sys, termios, time

def first_screen(binary, marker, answer, env):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ.update(env)
        os.execv(binary, [binary])
    start = time.monotonic()
    seen = b""
    elapsed = None
    while elapsed is None:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if answer and b"\x1b]11;?" in chunk:
            os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
        if marker.encode() in seen:
            elapsed = (time.monotonic() - start) * 1000
    try:
        os.write(fd, b"\x03")
        time.sleep(0.05)
        os.kill(pid, 9)
    except OSError:
        pass
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit(f"{binary}: no first screen showing {marker!r} within 10 s")
    return elapsed, usage.ru_maxrss / 1024

def process(argv):
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "TERM": "dumb"})
    _, status, usage = os.wait4(p.pid, 0)
    return (time.monotonic() - start) * 1000, usage.ru_maxrss / 1024

def median(xs):
    return statistics.median(xs)

def compare(name, a, b, runs, label_b):
    ta, tb, ma, mb = [], [], [], []
    for _ in range(runs):
        t, m = a(); ta.append(t); ma.append(m)
        t, m = b(); tb.append(t); mb.append(m)
    print(f"{name:<34} {median(ta):7.1f} ms  vs {label_b} {median(tb):6.1f} ms  ratio {median(ta)/median(tb):4.2f}  peak RSS {max(ma):5.1f} MiB")
    return median(ta) / median(tb), max(ma)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("defensa"); ap.add_argument("hello")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--marker", default="Right now")
    args = ap.parse_args()
    d, h = args.defensa, args.hello
    env = {"TERM": "xterm-256color", "LANG": "en_US.UTF-8"}
    for x in (d, h):
        process([x] if x == h else [d, "version"])  # warm the page cache
    items = json.loads(subprocess.run([d, "list", "--json", "--lang", "all"], capture_output=True, check=True).stdout)
    longest = max(items, key=lambda i: len(subprocess.run([d, "read", i["id"], "--raw", "--lang", i["lang"]], capture_output=True).stdout))
    print(f"binary {d}: {os.path.getsize(d)/1e6:.2f} MB; longest guide {longest['lang']}/{longest['id']}; {args.runs} interleaved runs each")
    for answer in (False, True):
        kind = "answering" if answer else "silent"
        compare(f"first screen, {kind} terminal", lambda: first_screen(d, args.marker, answer, env),
                lambda: first_screen(h, "first frame", answer, env), args.runs, "bare")
    version = lambda: process([d, "version"])
    compare("read longest guide | cat", lambda: process([d, "read", longest["id"], "--lang", longest["lang"]]), version, args.runs, "version")
    compare("search 'detuvieron a mi esposo'", lambda: process([d, "search", "detuvieron", "a", "mi", "esposo"]), version, args.runs, "version")
    compare("list", lambda: process([d, "list"]), version, args.runs, "version")

main()
