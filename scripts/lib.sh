# Shared by the throwaway servers the tests start (scripts/postgres.sh, scripts/s3.sh):
# messages, the "start|stop DIR" command line, a free port. Source it after setting NAME
# (the script's name in messages) and defining start() and stop(), then call main "$@".

die() { echo "$NAME: error: $*" >&2; exit 1; }
log() { echo "$NAME: $*" >&2; }

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

# A TCP port that is free on 127.0.0.1 right now (python3 when available, otherwise a
# random port that nothing answers on). start() retries if the port is taken meanwhile.
pick_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' && return 0
    fi
    local p i
    for i in $(seq 1 50); do
        p=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

# The command line: ACTION DIR; sets dir and runs start or stop.
main() {
    [[ $# -eq 2 ]] || usage
    [[ -n "$2" ]] || usage
    dir="$2"
    case "$1" in
        start) start ;;
        stop) stop ;;
        *) usage ;;
    esac
}
