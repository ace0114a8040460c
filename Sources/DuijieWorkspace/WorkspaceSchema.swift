import GRDB

/// The workspace's tables, created and changed by numbered migrations. A migration is never
/// edited once released: a change of schema is a new migration appended to the list.
enum WorkspaceSchema {
    /// The version this program migrates to: the number of migrations.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 users, sessions, clients, cases, results") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL UNIQUE,
                    displayName TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'broker', 'viewer')),
                    passwordHash TEXT NOT NULL,
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE session (
                    tokenHash TEXT PRIMARY KEY,
                    userID INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrfToken TEXT NOT NULL,
                    expiresAt INTEGER NOT NULL
                );
                CREATE INDEX sessionByUser ON session(userID);
                CREATE TABLE client (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    contact TEXT NOT NULL DEFAULT '',
                    brokerID INTEGER NOT NULL REFERENCES user(id),
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE demandOwner (
                    demandID TEXT PRIMARY KEY,
                    brokerID INTEGER NOT NULL REFERENCES user(id)
                );
                CREATE TABLE "case" (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL,
                    brokerID INTEGER NOT NULL REFERENCES user(id),
                    clientID INTEGER REFERENCES client(id),
                    sourceID TEXT,
                    queryText TEXT,
                    target TEXT NOT NULL,
                    confidential INTEGER NOT NULL DEFAULT 0,
                    createdAt INTEGER NOT NULL
                );
                CREATE INDEX caseByBroker ON "case"(brokerID);
                CREATE TABLE caseResult (
                    caseID INTEGER NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
                    rank INTEGER NOT NULL,
                    recordID TEXT NOT NULL,
                    name TEXT NOT NULL,
                    score REAL NOT NULL,
                    shown TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'to-contact',
                    reason TEXT NOT NULL DEFAULT '',
                    updatedAt INTEGER NOT NULL,
                    PRIMARY KEY (caseID, recordID)
                );
                CREATE TABLE statusChange (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    caseID INTEGER NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
                    recordID TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    userID INTEGER NOT NULL REFERENCES user(id),
                    at INTEGER NOT NULL
                );
                CREATE TABLE caseNote (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    caseID INTEGER NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
                    userID INTEGER NOT NULL REFERENCES user(id),
                    text TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }
}
