#ifndef NETTUTOR_TERMINAL_SUPPORT_H
#define NETTUTOR_TERMINAL_SUPPORT_H

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal,
/// so the main loop can save state and restore the terminal before it exits.
/// The handlers are installed without SA_RESTART so a blocking read returns.
void nt_install_quit_handlers(void);

/// The number of the first quit signal received, or 0.
int nt_quit_signal(void);

/// Ignore SIGPIPE so a closed pipe shows up as EPIPE on write, not as a kill.
void nt_ignore_sigpipe(void);

/// Restore the default disposition of a signal and raise it again (after cleanup).
void nt_reraise(int sig);

#endif
