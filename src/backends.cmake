# Hardware compression backends. Each is one translation unit compiled with
# its own ISA flags; a compiler or target without the ISA builds without it.
# Sets HMAC_BACKEND_SOURCES and HMAC_BACKEND_DEFINES (HMAC_HAVE_*), which
# cpu.c uses to decide what it may dispatch to.
# (Filled in by the backends work, issue 3.)
