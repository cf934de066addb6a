/* emit_ir.c - `--emit ir` (the merged IR with origins) and `--emit json`. */
#include "emit.h"
#include "../support/utf8.h"
#include <stdlib.h>
#include <string.h>

/* A template as the user would write it: markers back to ${NAME}. */
static void template_text(strbuf *out, const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (t[i] == PARAM_OPEN) {
            size_t j = i + 1;
            while (j < len && t[j] != PARAM_CLOSE) j++;
            sb_puts(out, "${");
            sb_add(out, t + i + 1, j - i - 1);
            sb_putc(out, '}');
            i = j;
        } else if (t[i] == '$') {
            sb_puts(out, "$$");
        } else {
            sb_putc(out, t[i]);
        }
    }
}

static void quoted(strbuf *out, const char *t, size_t len)
{
    strbuf tmp;
    sb_init(&tmp);
    template_text(&tmp, t, len);
    sb_putc(out, '"');
    for (size_t i = 0; i < tmp.len; i++) {
        unsigned char ch = (unsigned char)tmp.data[i];
        if (ch == '"' || ch == '\\') { sb_putc(out, '\\'); sb_putc(out, (char)ch); }
        else if (ch == '\n') sb_puts(out, "\\n");
        else if (ch == '\t') sb_puts(out, "\\t");
        else if (ch < 0x20 || ch == 0x7f) sb_printf(out, "\\x%02x", ch);
        else if (ch < 0x80) sb_putc(out, (char)ch);
        else {
            /* a byte that starts no UTF-8 sequence (a class of continuation
             * bytes in a generated regex) as the escape that means it */
            size_t n = utf8_seq(tmp.data, tmp.len, i);
            if (!n) sb_printf(out, "\\x%02x", ch);
            else { sb_add(out, tmp.data + i, n); i += n - 1; }
        }
    }
    sb_putc(out, '"');
    sb_free(&tmp);
}

static void origin_text(compilation *c, strbuf *out, const origin *o)
{
    source_pos p = source_position(o->u->src, o->at.start);
    for (const char *s = o->u->display; *s; s++) sb_putc(out, (unsigned char)*s < 0x20 ? '?' : *s);
    sb_printf(out, ":%u:%u%s", p.line, p.col, unit_provenance(c, o->u));
}

void ir_rule_text(strbuf *out, const rule *r)
{
    sb_printf(out, "%s%s %s %s", action_name(r->action), r->final ? " final" : "",
              section_name(r->section), r->verb);
    if (r->m.kind != MK_NONE) {
        sb_printf(out, " %s ", mk_name(r->m.kind, r->m.ns));
        quoted(out, r->m.value, r->m.len);
        if (r->m.holder) sb_puts(out, " of a directory or symbolic link");
    }
    if (r->implied == 1) sb_puts(out, " (implied: traversal)");
    if (r->implied == 2) sb_puts(out, " (implicit: deny default may not cover it)");
    if (implied_final_why(r)) sb_printf(out, " (implied: %s)", implied_final_why(r));
}

/* The declared and built-in parameters' names, sorted (malloc'd). */
static const char **param_names(compilation *c, size_t *n)
{
    const char **names = xmalloc((c->params.count + 1) * sizeof *names);
    size_t nn = 0;
    for (size_t i = 0; i < c->params.cap; i++) if (c->params.slots[i].hash) names[nn++] = c->params.slots[i].key;
    for (size_t i = 1; i < nn; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j]; names[j] = names[j - 1]; names[j - 1] = t;
        }
    *n = nn;
    return names;
}

void emit_ir(compilation *c, strbuf *out)
{
    policy *pol = &c->pol;
    sb_puts(out, "# buckle " BUCKLE_VERSION " merged IR\n# chain:");
    for (size_t i = 0; i < c->nunits; i++) { sb_putc(out, ' '); sb_puts(out, c->units[i]->display); }
    sb_printf(out, "\ndefault %s", action_name(pol->default_action));
    if (pol->default_unit) {
        origin o = { pol->default_unit, pol->default_at, NULL, 0, { NULL, 0, 0 } };
        sb_puts(out, "  # ");
        origin_text(c, out, &o);
    } else {
        sb_puts(out, "  # nobody set it");
    }
    sb_putc(out, '\n');
    size_t nn;
    const char **names = param_names(c, &nn);
    for (size_t i = 0; i < nn; i++) {
        param_decl *p = hm_gets(&c->params, names[i]);
        sb_printf(out, "param %s", p->name);
        if (p->def) { sb_puts(out, " = "); quoted(out, p->def, strlen(p->def)); }
        const char *dv = hm_gets(&c->defines, p->name);
        if (dv) { sb_puts(out, " -D "); quoted(out, dv, strlen(dv)); }
        if (p->builtin) sb_puts(out, "  # built-in");
        else if (p->u) { origin o = { p->u, p->at, NULL, 0, { NULL, 0, 0 } }; sb_puts(out, "  # "); origin_text(c, out, &o); }
        sb_putc(out, '\n');
    }
    free(names);
    for (size_t i = 0; i < pol->rules.n; i++) {
        const rule *r = pol->rules.v[i];
        sb_printf(out, "%s%s %s%s %s %s", r->implied ? "implied " : "", "rule",
                  action_name(r->action), r->final ? " final" : "",
                  section_name(r->section), r->verb);
        sb_printf(out, " [%s]", op_get(r->op)->name);
        if (r->m.kind != MK_NONE) {
            sb_printf(out, " %s ", mk_name(r->m.kind, r->m.ns));
            quoted(out, r->m.value, r->m.len);
        }
        if (r->mods & MODF_REPORT) sb_puts(out, " report");
        if (r->mods & MODF_NO_REPORT) sb_puts(out, " no-report");
        if (r->message) { sb_puts(out, " message "); quoted(out, r->message, strlen(r->message)); }
        sb_printf(out, "  # depth %d kind %d;", r->m.spec_a, r->m.spec_b);
        for (const origin *o = r->origins; o; o = o->next) {
            sb_puts(out, implied_move(r) ? " not moved away: " : r->implied == IMPL_CASE ? " in every case: "
                         : r->implied ? " traversal for " : " ");
            origin_text(c, out, o);
            if (o->next) sb_putc(out, ';');
        }
        sb_putc(out, '\n');
    }
    for (size_t i = 0; i < pol->nraw; i++) {
        origin o = { pol->raw[i].u, pol->raw[i].ast->at, NULL, 0, { NULL, 0, 0 } };
        sb_puts(out, pol->raw[i].ast->verbatim ? "sbpl verbatim  # " : "sbpl  # ");
        origin_text(c, out, &o);
        sb_putc(out, '\n');
    }
}

static void json_template(strbuf *out, const char *t, size_t len)
{
    strbuf tmp;
    sb_init(&tmp);
    template_text(&tmp, t, len);
    sb_json_str(out, sb_cstr(&tmp));
    sb_free(&tmp);
}

void emit_json(compilation *c, strbuf *out)
{
    policy *pol = &c->pol;
    sb_puts(out, "{\"version\":1,\"buckle\":\"" BUCKLE_VERSION "\",\"chain\":[");
    for (size_t i = 0; i < c->nunits; i++) {
        if (i) sb_putc(out, ',');
        sb_json_str(out, c->units[i]->display);
    }
    sb_printf(out, "],\"default\":\"%s\",\"params\":[", action_name(pol->default_action));
    size_t nn;
    const char **names = param_names(c, &nn);
    for (size_t i = 0; i < nn; i++) {
        const param_decl *p = hm_gets(&c->params, names[i]);
        sb_puts(out, i ? ",\n{\"name\":" : "\n{\"name\":");
        sb_json_str(out, p->name);
        sb_printf(out, ",\"builtin\":%s,\"default\":", p->builtin ? "true" : "false");
        if (p->def) json_template(out, p->def, strlen(p->def)); else sb_puts(out, "null");
        const char *dv = hm_gets(&c->defines, p->name);
        sb_puts(out, ",\"define\":");
        if (dv) sb_json_str(out, dv); else sb_puts(out, "null");
        sb_printf(out, ",\"used\":%s", p->used ? "true" : "false");
        if (!p->builtin && p->u) {
            source_pos pos = source_position(p->u->src, p->at.start);
            sb_puts(out, ",\"file\":");
            sb_json_str(out, p->u->display);
            sb_printf(out, ",\"line\":%u,\"column\":%u", pos.line, pos.col);
        }
        sb_putc(out, '}');
    }
    free(names);
    sb_puts(out, "],\"rules\":[");
    for (size_t i = 0; i < pol->rules.n; i++) {
        const rule *r = pol->rules.v[i];
        sb_puts(out, i ? ",\n{" : "\n{");
        sb_printf(out, "\"action\":\"%s\",\"final\":%s,\"implied\":%s,\"section\":\"%s\",\"verb\":",
                  action_name(r->action), r->final ? "true" : "false",
                  r->implied ? "true" : "false", section_name(r->section));
        sb_json_str(out, r->verb);
        sb_puts(out, ",\"operation\":");
        sb_json_str(out, op_get(r->op)->name);
        sb_printf(out, ",\"kind\":\"%s\",\"value\":", mk_name(r->m.kind, r->m.ns));
        if (r->m.value) json_template(out, r->m.value, r->m.len); else sb_puts(out, "null");
        sb_puts(out, ",\"origins\":[");
        for (const origin *o = r->origins; o; o = o->next) {
            source_pos p = source_position(o->u->src, o->at.start);
            sb_puts(out, "{\"file\":");
            sb_json_str(out, o->u->display);
            sb_printf(out, ",\"line\":%u,\"column\":%u}%s", p.line, p.col, o->next ? "," : "");
        }
        sb_puts(out, "]}");
    }
    sb_puts(out, "\n]}\n");
}
