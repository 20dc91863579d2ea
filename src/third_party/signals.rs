//! Stopping gracefully on SIGTERM through `libc`: `systemctl stop` and `restart` send it, and the
//! app then closes as if its window were closed, so what it was writing (the kiosk's open
//! session) is saved first. SIGINT (Ctrl+C) already does the same through Bevy's own handler.

use std::sync::atomic::{AtomicBool, Ordering};

use bevy::prelude::*;

/// Set by the signal handler; read once a frame.
static TERMINATE: AtomicBool = AtomicBool::new(false);

/// The exit code of a process ended by SIGTERM (128 + 15).
const EXIT_ON_SIGTERM: u8 = 143;

pub(super) fn plugin(app: &mut App) {
    install();
    app.add_systems(First, exit_when_asked);
}

extern "C" fn on_sigterm(_: libc::c_int) {
    // Only an atomic store: nothing else is safe inside a signal handler.
    TERMINATE.store(true, Ordering::SeqCst);
}

fn install() {
    // SAFETY: `on_sigterm` only stores to an atomic, which is async-signal-safe; the sigaction
    // struct is fully initialised before the call.
    let result = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigterm as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut())
    };
    if result != 0 {
        warn!(
            "cannot handle SIGTERM ({}); it will end the app without saving",
            std::io::Error::last_os_error()
        );
    }
}

fn exit_when_asked(mut exit: MessageWriter<AppExit>, mut said: Local<bool>) {
    if TERMINATE.load(Ordering::SeqCst) && !*said {
        info!("SIGTERM: closing");
        *said = true;
        exit.write(AppExit::from_code(EXIT_ON_SIGTERM));
    }
}
