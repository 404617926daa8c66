"""The application's pages: one QWidget per SPEC §11 page name."""
