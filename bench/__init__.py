"""The project's benchmark: a fast seeder for large databases and the budget table of docs/product.md "Budgets"."""
