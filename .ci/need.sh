# Sourced by the CI scripts: need COMMAND DEBIAN-PACKAGE installs the
# package when the command is missing, bounded in time.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq
  timeout 600 apt-get install -y -qq "$2" >/dev/null
}
