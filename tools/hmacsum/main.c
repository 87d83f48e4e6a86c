/*
 * main.c - hmacsum: sha256sum-style HMAC sums of files, keyed from a
 * file, an environment variable or a descriptor (never the command line).
 *
 *   hmacsum [-a ALG] -k KEYFILE [--tag] [FILE...]     sign
 *   hmacsum [-a ALG] -k KEYFILE -c [SUMFILE...]       verify
 *   hmacsum --keygen [-a ALG] [--hex-key] -o FILE     make a key
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void usage_text(FILE *out)
{
    fprintf(out,
"Usage: hmacsum [-a ALG] KEY-OPTION [--tag] [FILE...]\n"
"       hmacsum [-a ALG] KEY-OPTION -c [--quiet|--status] [SUMFILE...]\n"
"       hmacsum --keygen [-a ALG] [--hex-key] -o KEYFILE\n"
"Print or check HMAC sums of FILEs (standard input when none or '-').\n"
"\n"
"  -a, --algorithm ALG  sha256 (default), sha512, sha512256, sha384\n"
"                       or sha224\n"
"Key (exactly one; never on the command line):\n"
"  -k, --key-file FILE  read the key from FILE (raw bytes)\n"
"      --key-env NAME   read the key from environment variable NAME\n"
"      --key-fd N       read the key from open file descriptor N\n"
"      --hex-key        the key is hex text (whitespace ignored)\n"
"      --allow-empty-key  accept an empty key (refused by default)\n"
"Output:\n"
"      --tag            BSD-style lines: HMAC-SHA256 (FILE) = HEX\n"
"      --base64         tags in base64, not hex (-c reads both)\n"
"Checking:\n"
"  -c, --check          read sums from SUMFILEs and verify them\n"
"      --ignore-missing do not fail or report for missing files\n"
"      --quiet          do not print OK for each verified file\n"
"      --status         print nothing; the exit status tells\n"
"      --strict         exit non-zero for improperly formatted lines\n"
"  -w, --warn           warn about improperly formatted lines\n"
"Keys:\n"
"      --keygen         write a new random key to -o FILE (mode 0600)\n"
"  -o, --output FILE    the file --keygen creates (never overwritten)\n"
"Other:\n"
"      --selftest       run the built-in known-answer tests\n"
"      --version        print the version and active backends\n"
"  -h, --help           print this help\n"
"\n"
"Exit status: 0 all good, 1 a sum did not match or a file could not be\n"
"read (or a bad line with --strict), 2 bad usage or no usable key.\n");
}

/* Prints a usage error and exits with status 2. */
static void usage_error(const char *what, const char *arg)
{
    if (arg != NULL) {
        hs_error("%s '%s'", what, arg);
    } else {
        hs_error("%s", what);
    }
    fprintf(stderr, "Try 'hmacsum --help' for more information.\n");
    exit(HS_EXIT_USAGE);
}

enum opt_id {
    OPT_ALG, OPT_KEYFILE, OPT_KEYENV, OPT_KEYFD, OPT_HEXKEY, OPT_EMPTYKEY,
    OPT_TAG, OPT_BASE64, OPT_CHECK, OPT_IGNMISSING, OPT_QUIET, OPT_STATUS, OPT_STRICT,
    OPT_WARN, OPT_KEYGEN, OPT_OUTPUT, OPT_SELFTEST, OPT_VERSION, OPT_HELP
};

typedef struct opt_def {
    const char *name; /* long name, without "--" */
    char short_name;  /* 0 when none */
    int has_arg;
    enum opt_id id;
} opt_def;

static const opt_def opt_defs[] = {
    {"algorithm", 'a', 1, OPT_ALG},
    {"key-file", 'k', 1, OPT_KEYFILE},
    {"key-env", 0, 1, OPT_KEYENV},
    {"key-fd", 0, 1, OPT_KEYFD},
    {"hex-key", 0, 0, OPT_HEXKEY},
    {"allow-empty-key", 0, 0, OPT_EMPTYKEY},
    {"tag", 0, 0, OPT_TAG},
    {"base64", 0, 0, OPT_BASE64},
    {"check", 'c', 0, OPT_CHECK},
    {"ignore-missing", 0, 0, OPT_IGNMISSING},
    {"quiet", 0, 0, OPT_QUIET},
    {"status", 0, 0, OPT_STATUS},
    {"strict", 0, 0, OPT_STRICT},
    {"warn", 'w', 0, OPT_WARN},
    {"keygen", 0, 0, OPT_KEYGEN},
    {"output", 'o', 1, OPT_OUTPUT},
    {"selftest", 0, 0, OPT_SELFTEST},
    {"version", 0, 0, OPT_VERSION},
    {"help", 'h', 0, OPT_HELP},
};
#define N_OPTS (sizeof opt_defs / sizeof opt_defs[0])

typedef struct config {
    const hs_alg *alg;
    hs_key_source key_source;
    const char *key_arg;
    int key_sources;
    int hex_key, allow_empty, tag, base64, check, keygen, selftest, version, help;
    int check_only_opts; /* --quiet/--status/... seen */
    const char *output;
    hs_check_opts copts;
    char **files;
    int nfiles;
} config;

static void apply_opt(config *cfg, const opt_def *d, const char *arg)
{
    switch (d->id) {
    case OPT_ALG:
        cfg->alg = hs_alg_by_name(arg);
        if (cfg->alg == NULL) {
            usage_error(
                "unknown algorithm (sha256, sha512, sha512256, sha384, sha224):",
                arg);
        }
        break;
    case OPT_KEYFILE:
    case OPT_KEYENV:
    case OPT_KEYFD:
        cfg->key_source = d->id == OPT_KEYFILE  ? HS_KEY_FILE
                          : d->id == OPT_KEYENV ? HS_KEY_ENV
                                                : HS_KEY_FD;
        cfg->key_arg = arg;
        cfg->key_sources++;
        break;
    case OPT_HEXKEY: cfg->hex_key = 1; break;
    case OPT_EMPTYKEY: cfg->allow_empty = 1; break;
    case OPT_TAG: cfg->tag = 1; break;
    case OPT_BASE64: cfg->base64 = 1; break;
    case OPT_CHECK: cfg->check = 1; break;
    case OPT_IGNMISSING: cfg->copts.ignore_missing = 1; cfg->check_only_opts = 1; break;
    case OPT_QUIET: cfg->copts.quiet = 1; cfg->check_only_opts = 1; break;
    case OPT_STATUS: cfg->copts.status = 1; cfg->check_only_opts = 1; break;
    case OPT_STRICT: cfg->copts.strict = 1; cfg->check_only_opts = 1; break;
    case OPT_WARN: cfg->copts.warn = 1; cfg->check_only_opts = 1; break;
    case OPT_KEYGEN: cfg->keygen = 1; break;
    case OPT_OUTPUT: cfg->output = arg; break;
    case OPT_SELFTEST: cfg->selftest = 1; break;
    case OPT_VERSION: cfg->version = 1; break;
    case OPT_HELP: cfg->help = 1; break;
    }
}

/* GNU-style parsing, portable (no getopt_long): long options with
 * "--opt=value" or "--opt value", bundled short options, options after
 * operands, "--" ending options and "-" meaning standard input. */
static void parse_args(config *cfg, int argc, char **argv)
{
    const opt_def *d;
    const char *a, *eq, *val;
    size_t i, namelen;
    int k, only_operands = 0;

    for (k = 1; k < argc; k++) {
        a = argv[k];
        if (only_operands || a[0] != '-' || a[1] == '\0') {
            cfg->files[cfg->nfiles++] = argv[k];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_operands = 1;
            continue;
        }
        if (a[1] == '-') {
            eq = strchr(a + 2, '=');
            namelen = eq != NULL ? (size_t) (eq - (a + 2)) : strlen(a + 2);
            for (i = 0, d = NULL; i < N_OPTS && d == NULL; i++) {
                if (strlen(opt_defs[i].name) == namelen &&
                    memcmp(opt_defs[i].name, a + 2, namelen) == 0) {
                    d = &opt_defs[i];
                }
            }
            if (d == NULL) {
                usage_error("unknown option", a);
            } else if (!d->has_arg && eq != NULL) {
                usage_error("option takes no argument:", a);
            }
            val = NULL;
            if (d->has_arg) {
                val = eq != NULL ? eq + 1 : (k + 1 < argc ? argv[++k] : NULL);
                if (val == NULL) {
                    usage_error("option needs an argument:", a);
                }
            }
            apply_opt(cfg, d, val);
            continue;
        }
        for (a++; *a != '\0'; a++) {
            for (i = 0, d = NULL; i < N_OPTS && d == NULL; i++) {
                if (opt_defs[i].short_name == *a) {
                    d = &opt_defs[i];
                }
            }
            if (d == NULL) {
                usage_error("unknown option", argv[k]);
            } else if (d->has_arg) {
                val = a[1] != '\0' ? a + 1 : (k + 1 < argc ? argv[++k] : NULL);
                if (val == NULL) {
                    usage_error("option needs an argument:", argv[k]);
                }
                apply_opt(cfg, d, val);
                break;
            } else {
                apply_opt(cfg, d, NULL);
            }
        }
    }
}

/* Whether the key comes from standard input: --key-fd naming descriptor
 * 0 however it is spelled ("0", "00", ...). */
static int key_is_stdin(const config *cfg)
{
    int fd;

    return cfg->key_source == HS_KEY_FD &&
           hs_key_parse_fd(cfg->key_arg, &fd) == 0 && fd == 0;
}

/* Rejects option combinations that make no sense (status 2). */
static void validate(const config *cfg)
{
    int i, reads_stdin = cfg->nfiles == 0;

    for (i = 0; i < cfg->nfiles; i++) {
        reads_stdin |= strcmp(cfg->files[i], "-") == 0;
    }
    if (cfg->keygen) {
        if (cfg->output == NULL) {
            usage_error("--keygen needs -o FILE", NULL);
        }
        if (cfg->key_sources != 0 || cfg->check || cfg->tag || cfg->base64 ||
            cfg->check_only_opts || cfg->allow_empty || cfg->nfiles != 0) {
            usage_error("--keygen takes only -a, --hex-key and -o", NULL);
        }
        return;
    }
    if (cfg->output != NULL) {
        usage_error("-o is only for --keygen", NULL);
    }
    if (cfg->check_only_opts && !cfg->check) {
        usage_error("--ignore-missing, --quiet, --status, --strict and --warn "
                    "are meaningful only with -c",
                    NULL);
    }
    if (cfg->tag && cfg->check) {
        usage_error("--tag is meaningless with -c (both forms are read)", NULL);
    }
    if (cfg->base64 && cfg->check) {
        usage_error("--base64 is meaningless with -c (hex and base64 are read)",
                    NULL);
    }
    if (cfg->key_sources == 0) {
        usage_error("no key: give -k FILE, --key-env NAME or --key-fd N", NULL);
    }
    if (cfg->key_sources > 1) {
        usage_error("give only one of -k, --key-env and --key-fd", NULL);
    }
    if (key_is_stdin(cfg) && reads_stdin) {
        usage_error("--key-fd 0 reads the key from standard input, so the "
                    "data cannot come from there too",
                    NULL);
    }
}

/* --keygen: a fresh random key, created 0600 and never over a file. */
static int keygen(const config *cfg)
{
    unsigned char key[HS_MAX_KEYGEN_BYTES];
    char hex[2 * HS_MAX_KEYGEN_BYTES + 1];
    size_t n = cfg->alg->keygen_bytes;
    int fd, failed;

    fd = hs_os_create_secret(cfg->output);
    if (fd < 0) {
        hs_error("%s: %s%s", cfg->output, strerror(errno),
                 errno == EEXIST ? " (refusing to overwrite a key)" : "");
        return HS_EXIT_FAIL;
    }
    cfg->alg->keygen(key);
    if (cfg->hex_key) {
        (void) hmac_bin2hex(hex, sizeof hex, key, n);
        failed = hs_os_write_all(fd, hex, 2 * n) != 0 ||
                 hs_os_write_all(fd, "\n", 1) != 0;
    } else {
        failed = hs_os_write_all(fd, key, n) != 0;
    }
    hmac_memzero(key, sizeof key);
    hmac_memzero(hex, sizeof hex);
    failed = failed || hs_os_sync(fd) != 0;
    failed = (hs_os_close(fd) != 0) || failed;
    if (failed) {
        hs_error("%s: %s", cfg->output, strerror(errno));
        (void) hs_os_remove(cfg->output); /* no half-written keys */
        return HS_EXIT_FAIL;
    }
    return HS_EXIT_OK;
}

/* The FILE operands, or just "-" (standard input) when there are none. */
static int operands(const config *cfg, char ***files)
{
    static char *stdin_only[] = {(char *) "-"};

    *files = cfg->nfiles != 0 ? cfg->files : stdin_only;
    return cfg->nfiles != 0 ? cfg->nfiles : 1;
}

/* What sign_files' report callback needs. */
typedef struct sign_ctx {
    const config *cfg;
    int status;
} sign_ctx;

/* One signing line, or the file's error, in operand order. */
static void sign_done(void *ctx, const hs_many_file *f)
{
    sign_ctx *sc = (sign_ctx *) ctx;

    if (f->err != 0) {
        hs_name_error(f->path, f->path_len, strerror(f->err));
        sc->status = HS_EXIT_FAIL;
        return;
    }
    hs_print_sum(sc->cfg->alg, f->tag, f->path, sc->cfg->tag,
                 sc->cfg->base64);
}

/* Signing: one line per file; unreadable files are reported and skipped.
 * The files are hashed side by side (many.c), reported in order. */
static int sign_files(const config *cfg, const hs_key *key)
{
    static hs_many m; /* static: 64 queue entries and 16 states */
    sign_ctx sc;
    char **files;
    int n = operands(cfg, &files);
    int i;

    sc.cfg = cfg;
    sc.status = HS_EXIT_OK;
    hs_many_init(&m, key, sign_done, &sc);
    for (i = 0; i < n; i++) {
        hs_many_add(&m, cfg->alg, files[i], strlen(files[i]), 0, NULL);
    }
    hs_many_finish(&m);
    hmac_memzero(&m, sizeof m);
    return sc.status;
}

static int check_files(config *cfg, const hs_key *key)
{
    char **files;
    int n = operands(cfg, &files);
    int i, status = HS_EXIT_OK;

    cfg->copts.alg = cfg->alg;
    for (i = 0; i < n; i++) {
        if (hs_check_file(files[i], key, &cfg->copts) != HS_EXIT_OK) {
            status = HS_EXIT_FAIL;
        }
    }
    return status;
}

/* The library reads HMAC_BACKEND itself and, being a library, says
 * nothing about a value it ignores: hmacsum says it, so a typo does not
 * silently keep the hardware backends. */
static void warn_backend_env(void)
{
    const char *env = getenv("HMAC_BACKEND");

    if (env != NULL && env[0] != '\0' && strcmp(env, "portable") != 0) {
        hs_error("warning: HMAC_BACKEND is ignored: its only value is "
                 "'portable' (exactly)");
    }
}

int main(int argc, char **argv)
{
    config cfg;
    hs_key key = {NULL, 0, 0};
    int status;

    hs_input_init();
    hs_os_init();
    memset(&cfg, 0, sizeof cfg);
    cfg.alg = &hs_algs[0];
    cfg.files = (char **) calloc((size_t) argc + 1, sizeof(char *));
    if (cfg.files == NULL) {
        hs_error("%s", strerror(ENOMEM));
        return HS_EXIT_FAIL;
    }
    parse_args(&cfg, argc, argv);
    warn_backend_env();

    if (cfg.help) {
        usage_text(stdout);
        status = HS_EXIT_OK;
    } else if (cfg.version) {
        printf("hmacsum (libhmac) %s\nsha256 backend: %s\nsha512 backend: %s\n",
               hmac_version_string(), hmac_backend_sha256(),
               hmac_backend_sha512());
        status = HS_EXIT_OK;
    } else if (cfg.selftest) {
        status = hs_selftest(stdout) == 0 ? HS_EXIT_OK : HS_EXIT_FAIL;
    } else {
        validate(&cfg);
        if (cfg.keygen) {
            status = keygen(&cfg);
        } else if (hs_key_load(&key, cfg.key_source, cfg.key_arg,
                               cfg.hex_key) != 0) {
            status = HS_EXIT_USAGE;
        } else if (key.len == 0 && !cfg.allow_empty) {
            hs_error("the key is empty: refusing to %s with it "
                     "(--allow-empty-key overrides)",
                     cfg.check ? "check" : "sign");
            status = HS_EXIT_USAGE;
        } else {
            hs_input_stdin_holds_key(key_is_stdin(&cfg));
            status = cfg.check ? check_files(&cfg, &key)
                               : sign_files(&cfg, &key);
        }
    }
    hs_key_free(&key);
    free(cfg.files);
    if (hs_stdout_failed() != 0) {
        status = HS_EXIT_FAIL;
    }
    return status;
}
