/* common.c - environment, diagnostics output and atomic writes for the CLI. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../lint/lint.h"
#include "../lint/rules_table.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

/* Appends the string a followed by b to env->store at *used; NULL if full.
 * The environment's strings are packed in one buffer: a process touches only
 * the page or two it writes, not one page per field (each page is a fault). */
static const char *env_put(cli_env *env, size_t *used, const char *a, const char *b)
{
    size_t room = sizeof env->store - *used;
    int n = snprintf(env->store + *used, room, "%s%s", a, b);
    if (n < 0 || (size_t)n >= room) return NULL;
    const char *s = env->store + *used;
    *used += (size_t)n + 1;
    return s;
}

void cli_env_init(cli_env *env, const char *argv0)
{
    env->argv0 = argv0;
    env->exe_path = "";
    env->std_dirs[0] = NULL;
    char buf[4096];
    int ok = 0;
#ifdef __APPLE__
    uint32_t sz = sizeof buf;
    if (_NSGetExecutablePath(buf, &sz) == 0) ok = 1;
#else
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) { buf[n] = 0; ok = 1; }
#endif
    if (!ok && argv0 && strchr(argv0, '/')) { snprintf(buf, sizeof buf, "%s", argv0); ok = 1; }
    char real[PATH_MAX];
    if (!ok || !realpath(buf, real)) return;
    size_t used = 0;
    const char *exe = env_put(env, &used, real, "");
    if (!exe) return;
    env->exe_path = exe;
    char *slash = strrchr(real, '/');
    if (!slash) return;
    *slash = 0;
    static const char *const rel[] = { "/../share/buckle", "/corpus", "/../corpus" /* a build/ directory */ };
    size_t k = 0;
    for (size_t i = 0; i < 3; i++) {
        const char *d = env_put(env, &used, real, rel[i]);
        if (d) env->std_dirs[k++] = d;
    }
    env->std_dirs[k] = NULL;
}

void cli_compile_opts(const cli_env *env, compile_opts *o)
{
    size_t n = 0;
    for (; env->std_dirs[n]; n++) o->std_dirs[n] = env->std_dirs[n];
    o->std_dirs[n] = NULL;
    o->buckle_path = getenv("BUCKLE_PATH");
}

void cli_lint_opts(const cli_env *env, lint_opts *o)
{
    compile_opts co = { 0 };
    cli_compile_opts(env, &co);
    memcpy(o->std_dirs, co.std_dirs, sizeof o->std_dirs);
    o->buckle_path = co.buckle_path;
}

static int use_color(FILE *to)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(fileno(to)) && !(nc && *nc) && getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0;
}

static void render_to(diag_list *l, FILE *to, const char *who)
{
    diag_render_opts ro = { .format = DIAG_TEXT, .code_info = lint_code_info, .code_at = lint_code_at, .tool_version = BUCKLE_VERSION, .who = who };
    ro.color = use_color(to);
    strbuf b;
    sb_init(&b);
    diag_render(&b, l, &ro);
    fwrite(b.data ? b.data : "", 1, b.len, to);
    sb_free(&b);
}

void cli_print_diags(diag_list *l, FILE *to)
{
    cli_print_diags_as(l, to, NULL);
}

void cli_print_diags_as(diag_list *l, FILE *to, const char *who)
{
    diag_sort(l);
    render_to(l, to, who);
}

/* One diagnostic without a location, said by "buckle CMD" (cmd NULL:
 * "buckle"), with an optional help line, to standard error. */
static void say(const char *cmd, severity sev, const char *help, const char *fmt, va_list ap)
{
    char probe[1];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    arena a;
    arena_init(&a);
    diag_list l;
    diag_list_init(&l, &a);
    diag *d = diag_add(&l, sev, NULL, (span){ NULL, 0, 0 }, "%s", msg);
    if (help) diag_help(&l, d, "%s", help);
    fflush(stdout);
    render_to(&l, stderr, cmd ? arena_printf(&a, "buckle %s", cmd) : NULL);
    free(msg);
    arena_free(&a);
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(cmd, SEV_ERROR, NULL, fmt, ap);
    va_end(ap);
}

void cli_warning(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(cmd, SEV_WARNING, NULL, fmt, ap);
    va_end(ap);
}

void cli_note(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(cmd, SEV_NOTE, NULL, fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char help[96];
    snprintf(help, sizeof help, "'buckle %s --help' lists the options", cmd);
    say(cmd, SEV_ERROR, help, fmt, ap);
    va_end(ap);
    return 2;
}

int cli_out_open(cli_out *o, const char *path)
{
    o->path = path;
    o->failed = 0;
    o->tmp = NULL;
    /* a device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written
     * as it is: a temp file renamed over it would replace it */
    struct stat st;
    o->direct = stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
    if (o->direct) {
        o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (o->fd < 0) {
            cli_error(NULL, "cannot open %s: %s", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    size_t pl = strlen(path);
    o->tmp = xmalloc(pl + 32);
    snprintf(o->tmp, pl + 32, "%s.tmp-XXXXXX", path);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0) {
        /* the temporary file is an implementation detail: name what was asked for */
        int e = errno;
        const char *slash = strrchr(path, '/');
        if (e == ENOENT && slash)
            cli_error(NULL, "cannot write %s: the directory %.*s does not exist", path,
                    (int)(slash == path ? 1 : slash - path), path);
        else cli_error(NULL, "cannot write %s: %s", path, strerror(e));
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    return 0;
}

int cli_out_write(cli_out *o, const char *data, size_t len)
{
    size_t off = 0;
    while (!o->failed && off < len) {
        ssize_t w = write(o->fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            cli_error(NULL, "writing %s: %s", o->path, strerror(errno));
            o->failed = 1;
            break;
        }
        off += (size_t)w;
    }
    return o->failed ? -1 : 0;
}

int cli_out_rewind(cli_out *o)
{
    if (!o->failed && (o->direct || ftruncate(o->fd, 0) != 0 || lseek(o->fd, 0, SEEK_SET) != 0)) {
        cli_error(NULL, "writing %s: %s", o->path, o->direct ? "cannot start it again" : strerror(errno));
        o->failed = 1;
    }
    return o->failed ? -1 : 0;
}

void cli_out_abort(cli_out *o)
{
    if (o->fd < 0) return;
    close(o->fd);
    o->fd = -1;
    if (!o->tmp) return;
    unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}

int cli_out_commit(cli_out *o)
{
    if (o->failed) { cli_out_abort(o); return -1; }
    if (!o->direct) {
        mode_t um = umask(0);
        umask(um);
        fchmod(o->fd, 0666 & ~um);
    }
    int ok = close(o->fd) == 0;
    o->fd = -1;
    if (ok && !o->direct) ok = rename(o->tmp, o->path) == 0;
    if (!ok) {
        cli_error(NULL, "writing %s: %s", o->path, strerror(errno));
        if (o->tmp) unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return ok ? 0 : -1;
}

int cli_write_file(const char *path, const char *data, size_t len)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error(NULL, "writing to standard output: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    cli_out o;
    if (cli_out_open(&o, path) != 0) return -1;
    cli_out_write(&o, data, len);
    return cli_out_commit(&o);
}

int is_sb_path(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcmp(path + n - 3, ".sb") == 0;
}
