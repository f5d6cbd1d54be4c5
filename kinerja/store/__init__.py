"""The database: the connection, versioned migrations, SQL files loaded by name, generic frame inserts."""
