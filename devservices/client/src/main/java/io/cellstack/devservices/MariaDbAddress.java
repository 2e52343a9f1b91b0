package io.cellstack.devservices;

/**
 * Where the MariaDB server listens and how to log in (root without a password: the server runs with
 * {@code --skip-grant-tables}).
 *
 * @param jdbcUrl {@code jdbc:mysql://127.0.0.1:P/}, without a database; append one
 */
public record MariaDbAddress(String jdbcUrl, String host, int port, String user, String password) {}
