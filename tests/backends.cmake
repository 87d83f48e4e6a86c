# Hardware backends against the portable cores (issue 3). Included from
# tests/CMakeLists.txt, after hmac_add_test is defined.

hmac_add_test(NAME test_backends SOURCES test_backends.c LABELS backends)

# The environment override: HMAC_BACKEND=portable must select the portable
# cores (a separate process, since the probe is cached per process).
add_test(NAME test_backends_env_portable
         COMMAND test_backends --expect-portable)
set_tests_properties(test_backends_env_portable PROPERTIES
  ENVIRONMENT HMAC_BACKEND=portable LABELS backends)
