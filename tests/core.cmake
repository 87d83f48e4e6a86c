# Core suites (issue 2): known answers, streaming, API contract, 4 GiB.
# Included from tests/CMakeLists.txt, after hmac_testutil is defined.

# The algorithm tables (algos.h) are shared by every suite, so they live in
# the helper library.
target_sources(hmac_testutil PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/algos.c)

hmac_add_test(NAME test_nist SOURCES test_nist.c LABELS kat)
hmac_add_test(NAME test_rfc4231 SOURCES test_rfc4231.c LABELS kat)
hmac_add_test(NAME test_wycheproof SOURCES test_wycheproof.c LABELS kat)
hmac_add_test(NAME test_stream SOURCES test_stream.c LABELS stream)
hmac_add_test(NAME test_api SOURCES test_api.c LABELS api)
hmac_add_test(NAME test_long SOURCES test_long.c LABELS slow TIMEOUT 900)
hmac_add_test(NAME test_many SOURCES test_many.c LABELS many)
