# Shared by the project's scripts: find Python 3.10 and keep .venv in step with the lock file.
# shellcheck shell=bash

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PROJECT_ROOT/.venv"
LOCK="$PROJECT_ROOT/requirements.lock"
export PYTHONPATH="$PROJECT_ROOT${PYTHONPATH:+:$PYTHONPATH}"
# Quiet TensorFlow's start-up chatter; Rasa's own logs still show.
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
# Nothing leaves the machine at run time: no usage telemetry, no error reports to Rasa's Sentry.
export RASA_TELEMETRY_ENABLED=false

find_python310() {
  local candidate
  for candidate in "${PYTHON310:-}" python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  cat >&2 <<'MSG'
Python 3.10 is needed (Rasa Open Source 3.6 supports Python 3.8 to 3.10) and was not found.
Get it in one of these ways, then run this command again:
  - pyenv:   pyenv install 3.10 && export PYTHON310="$(pyenv root)/versions/$(pyenv latest 3.10)/bin/python3.10"
  - Ubuntu:  sudo add-apt-repository ppa:deadsnakes/ppa && sudo apt-get install python3.10 python3.10-venv
  - conda:   conda create -n py310 python=3.10 && export PYTHON310="$(conda run -n py310 which python)"
Or point PYTHON310 at any Python 3.10 interpreter.
MSG
  return 1
}

# Creates .venv when missing and installs the lock file whenever it changed.
ensure_venv() {
  local python wanted installed
  if [ ! -x "$VENV/bin/python" ]; then
    python="$(find_python310)" || exit 1
    echo "Creating the virtual environment with $python"
    "$python" -m venv "$VENV"
  fi
  wanted="$(sha256sum "$LOCK" | cut -d' ' -f1)"
  installed="$(cat "$VENV/.lock-sha256" 2>/dev/null || true)"
  if [ "$wanted" != "$installed" ]; then
    echo "Installing pinned dependencies from requirements.lock (first time: a few minutes)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pip==24.3.1"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$LOCK"
    "$VENV/bin/python" -m pip check
    echo "$wanted" > "$VENV/.lock-sha256"
  fi
}

# Trains the model; Rasa skips training when config, domain and data are unchanged.
ensure_model() {
  (cd "$PROJECT_ROOT" && "$VENV/bin/rasa" train --fixed-model-name citizen --out models --quiet)
}

# Installs Debian packages that are missing (the machine runs as root; sudo elsewhere).
ensure_debian_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs the stock rasa-webchat widget from the npm registry (web/package-lock.json).
ensure_webchat() {
  command -v npm >/dev/null 2>&1 || ensure_debian_packages nodejs npm
  local wanted installed
  wanted="$(sha256sum "$PROJECT_ROOT/web/package-lock.json" | cut -d' ' -f1)"
  installed="$(cat "$PROJECT_ROOT/web/node_modules/.lock-sha256" 2>/dev/null || true)"
  if [ "$wanted" != "$installed" ]; then
    echo "Installing the rasa-webchat widget from the npm registry"
    (cd "$PROJECT_ROOT/web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
    echo "$wanted" > "$PROJECT_ROOT/web/node_modules/.lock-sha256"
  fi
}
