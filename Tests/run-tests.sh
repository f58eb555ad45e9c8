#!/usr/bin/env bash
# Runs the whole test suite: installs the C libraries when missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps
swift build --build-tests
swift test --skip-build "$@"
# The OICP library product as another package uses it, without Foundation, in release (where
# inlined maths calls libm directly): it must link, and encode and validate as expected.
(cd Tests/library-consumer && swift build -c release -q && .build/release/consumer | diff expected.txt -)
