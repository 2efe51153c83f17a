"""Types Gogo commands, one per line of standard input, at the Trackbench console on 127.0.0.1:<port>."""
import sys
import telnetlib  # deprecated in 3.11, still there until 3.13: enough for a screenshot script
from telnetlib import DO, DONT, IAC, SB, SE, TTYPE, WILL, WONT

IS = b"\x00"
SEND = b"\x01"

PROMPT = b"g! "


def negotiate(sock, command, option):
    """The Equinox console starts its shell once it knows the terminal type: say xterm, refuse the rest."""
    if command == DO and option == TTYPE:
        sock.sendall(IAC + WILL + TTYPE)
    elif command == SE and console.read_sb_data()[:2] == TTYPE + SEND:
        sock.sendall(IAC + SB + TTYPE + IS + b"xterm" + IAC + SE)
    elif command == DO:
        sock.sendall(IAC + WONT + option)
    elif command == WILL:
        sock.sendall(IAC + DONT + option)


console = telnetlib.Telnet()
console.set_option_negotiation_callback(negotiate)
console.open("127.0.0.1", int(sys.argv[1]), timeout=30)
console.read_until(PROMPT, timeout=30)
for line in sys.stdin:
    command = line.strip()
    if command and not command.startswith("#"):
        console.write(command.encode() + b"\r\n")
        print(console.read_until(PROMPT, timeout=30).decode(errors="replace").replace("\r", "").strip())
console.close()
