/* module_shadows.c - Python modules the command makes at the top of the
 * working directory (module_shadows.h).  `python3 -m pip`, `-m venv`,
 * `-m http.server` and `python3 -c` put the directory they run in first on
 * sys.path, before the standard library and the installed packages: a
 * json.py or a pip/__init__.py the command makes at the top of the project
 * is what the user's next `python3 -m pip` there imports, outside any
 * sandbox.  Landlock grants a directory's entries, not names, so the top
 * stays writable and is looked at after the run instead: an entry that
 * makes a module of the table below importable from there, where none of
 * that name was when the command started, is moved aside and named like a
 * planted `buckle` (shadow_check.c).  A module of such a name that was
 * there before the run (a project's own json.py, its types.py) is the
 * project's, and so is a directory of such a name that python does not
 * import as a package (a virtual environment named venv). */
#define _GNU_SOURCE
#include "module_shadows.h"
#include "../support/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The names python's own tools import: the standard library's top-level
 * modules (Python 3.11's sys.stdlib_module_names, with the names 3.12 to
 * 3.14 added; `test`, CPython's own test suite, is not among them), and the
 * tools run with -m and what they import at once.  Sorted (looked up by
 * bsearch). */
static const char *const module_names[] = {
    "IPython", "__future__", "_abc", "_aix_support", "_android_support", "_apple_support", "_ast", "_asyncio",
    "_bisect", "_blake2", "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc", "_colorize", "_compat_pickle",
    "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm",
    "_decimal", "_distutils_hack", "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools",
    "_gdbm", "_hashlib", "_heapq", "_hmac", "_imp", "_interpchannels", "_interpqueues", "_interpreters", "_io",
    "_ios_support", "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_opcode_metadata", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_pyrepl",
    "_pytest", "_queue", "_random", "_remote_debugging", "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512",
    "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string",
    "_strptime", "_struct", "_suggestions", "_symtable", "_sysconfig", "_thread", "_threading_local", "_tkinter",
    "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_wmi",
    "_zoneinfo", "_zstd", "abc", "aifc", "annotationlib", "antigravity", "argparse", "array", "ast", "asynchat",
    "asyncio", "asyncore", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "black", "build", "builtins",
    "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "compression", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "coverage", "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime",
    "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email", "encodings", "ensurepip", "enum", "errno",
    "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc",
    "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac",
    "html", "http", "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress", "ipykernel",
    "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma", "mailbox", "mailcap",
    "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib", "msvcrt", "multiprocessing", "mypy", "netrc",
    "nis", "nntplib", "nt", "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os",
    "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pip", "pipes", "pipx", "pkg_resources", "pkgutil",
    "platform", "plistlib", "pluggy", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd",
    "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "pytest", "queue", "quopri", "random", "re",
    "readline", "reprlib", "resource", "rlcompleter", "ruff", "runpy", "sched", "secrets", "select", "selectors",
    "setuptools", "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics",
    "string", "stringprep", "struct", "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny",
    "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter",
    "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "twine",
    "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "uv", "venv", "virtualenv", "warnings",
    "wave", "weakref", "webbrowser", "wheel", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp",
    "zipfile", "zipimport", "zlib", "zoneinfo",
};

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* the module an entry of a sys.path directory is, when of the table:
 * NAME.py, NAME.pyc, an extension NAME.so or NAME.TAG.so, or a directory
 * NAME (a package when it holds an __init__ or a __main__); NULL otherwise */
static const char *table_name(const char *entry, char *buf, size_t size)
{
    size_t n = strlen(entry);
    const char *dot = strchr(entry, '.');
    size_t l;
    if (!dot) l = n;
    else if ((n > 3 && !strcmp(entry + n - 3, ".py")) || (n > 4 && !strcmp(entry + n - 4, ".pyc"))) {
        l = (size_t)(dot - entry);
        if (dot != strrchr(entry, '.')) return NULL;      /* (a.b.py is no module) */
    } else if (n > 3 && !strcmp(entry + n - 3, ".so"))
        l = (size_t)(dot - entry);
    else
        return NULL;
    if (!l || l >= size) return NULL;
    memcpy(buf, entry, l);
    buf[l] = 0;
    const char *key = buf;
    const char *const *hit = bsearch(&key, module_names, sizeof module_names / sizeof *module_names,
                                     sizeof *module_names, by_name);
    return hit ? *hit : NULL;
}

/* an entry of a package directory that makes python import it as one */
static int marker(const char *e)
{
    size_t n = strlen(e);
    if (strncmp(e, "__init__.", 9) && strncmp(e, "__main__.", 9)) return 0;
    return (n > 3 && !strcmp(e + n - 3, ".py")) || (n > 4 && !strcmp(e + n - 4, ".pyc")) ||
           (n > 3 && !strcmp(e + n - 3, ".so"));
}

static char *join(const char *dir, const char *name)
{
    size_t l = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(l);
    snprintf(p, l, "%s/%s", strcmp(dir, "/") ? dir : "", name);
    return p;
}

/* 1 when the entry path (name: a directory's) makes a module python
 * imports, as python looks (through links); *st what stat said */
static int importable(const char *path, int dir_form, struct stat *st)
{
    if (stat(path, st) != 0) return 0;
    if (!dir_form) return S_ISREG(st->st_mode);
    if (!S_ISDIR(st->st_mode)) return 0;
    dir_entry *v;
    size_t n;
    if (runner_dir_entries(path, 0, NULL, 0, &v, &n) != 0) return 0;
    int is = 0;
    for (size_t i = 0; i < n && !is; i++) {
        char *p = join(path, v[i].name);
        struct stat ms;
        is = marker(v[i].name) && stat(p, &ms) == 0 && S_ISREG(ms.st_mode);
        free(p);
    }
    runner_dir_entries_free(v, n);
    return is;
}

static void add_name(char ***v, size_t *n, const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp((*v)[i], name)) return;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = xstrdup(name);
}

void runner_module_shadows_begin(module_shadows *m, const char *cwd)
{
    memset(m, 0, sizeof *m);
    m->dir = xstrdup(cwd);
    struct stat st;
    dir_entry *v;
    size_t n;
    if (stat(cwd, &st) != 0 || !S_ISDIR(st.st_mode) || runner_dir_entries(cwd, 0, NULL, 0, &v, &n) != 0) return;
    m->had = 1;
    m->dev = (unsigned long long)st.st_dev;
    m->ino = (unsigned long long)st.st_ino;
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        const char *name = table_name(v[i].name, buf, sizeof buf);
        if (!name) continue;
        char *p = join(cwd, v[i].name);
        int dir_form = !strchr(v[i].name, '.');
        struct stat es;
        if (importable(p, dir_form, &es))
            add_name(&m->names, &m->n, name);
        else if (dir_form && stat(p, &es) == 0 && S_ISDIR(es.st_mode)) {
            m->dirs = xrealloc(m->dirs, (m->nd + 1) * sizeof *m->dirs);
            m->dirs[m->nd++] = (dir_entry){ .name = xstrdup(v[i].name), .dev = (unsigned long long)es.st_dev,
                                            .ino = (unsigned long long)es.st_ino, .dir = 1 };
        }
        free(p);
    }
    runner_dir_entries_free(v, n);
}

size_t runner_module_shadows_end(module_shadows *m, shadow_watch *w)
{
    if (!m->had) return 0;
    dir_entry *v;
    size_t n, found = 0;
    if (runner_dir_entries(m->dir, 0, NULL, 0, &v, &n) != 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        const char *name = table_name(v[i].name, buf, sizeof buf);
        if (!name) continue;
        int before = 0;
        for (size_t k = 0; k < m->n && !before; k++) before = !strcmp(m->names[k], name);
        char *p = join(m->dir, v[i].name);
        int dir_form = !strchr(v[i].name, '.');
        struct stat st;
        if (before || !importable(p, dir_form, &st)) {
            free(p);
            continue;
        }
        /* a directory that was there, no package: what makes it one now */
        const dir_entry *d =
            dir_form && m->nd ? bsearch(&v[i], m->dirs, m->nd, sizeof *m->dirs, runner_dir_entry_cmp) : NULL;
        int was = d && d->dev == (unsigned long long)st.st_dev && d->ino == (unsigned long long)st.st_ino;
        dir_entry *in = NULL;
        size_t nin = 0;
        if (was && runner_dir_entries(p, 0, NULL, 0, &in, &nin) == 0) {
            for (size_t k = 0; k < nin; k++) {
                if (!marker(in[k].name)) continue;
                char *mp = join(p, in[k].name);
                runner_shadow_add_module(w, mp, m->dir, m->had, m->dev, m->ino, name);
                found++;
                free(mp);
            }
            runner_dir_entries_free(in, nin);
        } else {
            runner_shadow_add_module(w, p, m->dir, m->had, m->dev, m->ino, name);
            found++;
        }
        free(p);
    }
    runner_dir_entries_free(v, n);
    return found;
}

void runner_module_shadows_free(module_shadows *m)
{
    free(m->dir);
    for (size_t i = 0; i < m->n; i++) free(m->names[i]);
    free(m->names);
    runner_dir_entries_free(m->dirs, m->nd);
    memset(m, 0, sizeof *m);
}
