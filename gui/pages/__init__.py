"""The application's pages: one QWidget per docs/product.md "Automation contract" page name."""
