# cmake -P cmake/print-symbols.cmake: prints HMAC_PUBLIC_SYMBOLS (for scripts).
include(${CMAKE_CURRENT_LIST_DIR}/symbols.cmake)
message("${HMAC_PUBLIC_SYMBOLS}")
