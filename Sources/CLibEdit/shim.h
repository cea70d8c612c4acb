// Small wrappers around libedit for Swift: variadic calls (el_wset, history_w) cannot be called
// from Swift, and C globals (stdin, signal state) are kept here, away from Swift's concurrency
// checking.
#ifndef SECOND_OPINION_LIBEDIT_SHIM_H
#define SECOND_OPINION_LIBEDIT_SHIM_H

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <histedit.h>

/// libedit needs a UTF-8 LC_CTYPE, or non-ASCII input is dropped and prompts crash.
static inline void so_setup_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

static inline EditLine *so_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

static inline void so_el_configure(EditLine *el, wchar_t *(*prompt)(EditLine *), HistoryW *history, void *client) {
    el_wset(el, EL_EDITOR, L"emacs");
    el_wset(el, EL_SIGNAL, 0);
    el_wset(el, EL_CLIENTDATA, client);
    el_wset(el, EL_PROMPT, prompt);
    el_wset(el, EL_HIST, history_w, history);
}

static inline void so_el_add_completion(EditLine *el, unsigned char (*complete)(EditLine *, int)) {
    el_wset(el, EL_ADDFN, L"so-complete", L"Complete the answer or command", complete);
    el_wset(el, EL_BIND, L"^I", L"so-complete", NULL);
}

static inline void *so_el_client(EditLine *el) {
    void *client = NULL;
    el_wget(el, EL_CLIENTDATA, &client);
    return client;
}

static inline HistoryW *so_history_init(int size) {
    HistoryW *history = history_winit();
    HistEventW event;
    history_w(history, &event, H_SETSIZE, size);
    history_w(history, &event, H_SETUNIQUE, 1);
    return history;
}

static inline void so_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    history_w(history, &event, H_ENTER, line);
}

static inline int so_history_load(HistoryW *history, const char *file) {
    HistEventW event;
    return history_w(history, &event, H_LOAD, file);
}

static inline int so_history_save(HistoryW *history, const char *file) {
    HistEventW event;
    return history_w(history, &event, H_SAVE, file);
}

static volatile sig_atomic_t so_interrupted = 0;

static void so_on_interrupt(int signal_number) {
    (void)signal_number;
    so_interrupted = 1;
}

/// Ctrl-C sets a flag and interrupts the read (no SA_RESTART), so the line can be cancelled
/// instead of the program being killed.
static inline void so_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = so_on_interrupt;
    action.sa_flags = 0;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    // A parent may have started us with SIGINT blocked; Ctrl-C must still reach the handler.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

static inline int so_take_interrupt(void) {
    int was = so_interrupted;
    so_interrupted = 0;
    return was;
}

static inline int so_errno(void) { return errno; }

static inline void so_clear_errno(void) { errno = 0; }

static inline const wchar_t *so_el_wgets(EditLine *el, int *count) { return el_wgets(el, count); }

static inline unsigned char so_cc_refresh(void) { return CC_REFRESH; }
static inline unsigned char so_cc_redisplay(void) { return CC_REDISPLAY; }
static inline unsigned char so_cc_error(void) { return CC_ERROR; }

#endif
