"""The application shell's dialogs: first run, sign-in, password change, and the lock screen."""
