#include "terminal_support.h"
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t quit_signal = 0;

static void record_quit(int sig) {
    if (quit_signal == 0) quit_signal = sig;
}

void nt_install_quit_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_quit;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: the blocking key read must return
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    // A parent may have left signals blocked; the ones we rely on must get through.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int nt_quit_signal(void) { return quit_signal; }

void nt_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

void nt_reraise(int sig) {
    signal(sig, SIG_DFL);
    raise(sig);
}
