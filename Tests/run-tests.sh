#!/usr/bin/env bash
# Runs the whole test suite: installs the C libraries when missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps
swift build --build-tests
swift test --skip-build "$@"
