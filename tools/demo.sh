#!/bin/sh
# The README's main job. Until hmacsum lands this runs the sign_message
# example; it is replaced by the hmacsum demo.
set -eu
BUILD_DIR=${1:-build}
exec "$BUILD_DIR/examples/sign_message"
