import GRDB

/// The workspace's tables, created and changed by numbered migrations. A migration is never
/// edited once released: a change of schema is a new migration appended to the list.
enum WorkspaceSchema {
    /// The version this program migrates to: the number of migrations.
    static let version = 4

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
        migrator.registerMigration("2 deals") { db in
            try db.execute(sql: """
                CREATE TABLE deal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    contractType TEXT NOT NULL CHECK (contractType IN ('development', 'transfer', 'licence', 'consulting', 'service', 'brokerage')),
                    registrationNumber TEXT NOT NULL DEFAULT '',
                    registeredOn TEXT,
                    signedOn TEXT NOT NULL,
                    value REAL NOT NULL CHECK (value >= 0),
                    seller TEXT NOT NULL,
                    sellerKind TEXT NOT NULL CHECK (sellerKind IN ('enterprise', 'institute', 'university', 'individual', 'other')),
                    buyer TEXT NOT NULL,
                    buyerKind TEXT NOT NULL CHECK (buyerKind IN ('enterprise', 'institute', 'university', 'individual', 'other')),
                    field TEXT NOT NULL DEFAULT '',
                    sellerRegion TEXT NOT NULL DEFAULT '',
                    buyerRegion TEXT NOT NULL DEFAULT '',
                    ipType TEXT NOT NULL CHECK (ipType IN ('patent', 'know-how', 'software', 'ic-layout', 'plant-variety', 'other')),
                    caseID INTEGER REFERENCES "case"(id),
                    resultRecordID TEXT,
                    createdBy INTEGER REFERENCES user(id),
                    createdAt INTEGER NOT NULL,
                    CHECK (registeredOn IS NULL OR registeredOn >= signedOn)
                );
                CREATE UNIQUE INDEX dealByRegistrationNumber ON deal(registrationNumber) WHERE registrationNumber != '';
                CREATE INDEX dealBySigning ON deal(signedOn);
                CREATE TABLE dealBroker (
                    dealID INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
                    brokerID INTEGER NOT NULL REFERENCES user(id),
                    fee REAL NOT NULL DEFAULT 0 CHECK (fee >= 0),
                    PRIMARY KEY (dealID, brokerID)
                );
                """)
        }
        migrator.registerMigration("3 weights learned from outcomes") { db in
            try db.execute(sql: """
                CREATE TABLE weightsFit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    target TEXT NOT NULL,
                    weights TEXT NOT NULL,
                    previousWeights TEXT NOT NULL,
                    queries INTEGER NOT NULL,
                    judgments INTEGER NOT NULL,
                    folds INTEGER NOT NULL,
                    seed INTEGER NOT NULL,
                    currentNDCG REAL NOT NULL,
                    heldOutNDCG REAL NOT NULL,
                    differenceLower REAL NOT NULL,
                    differenceUpper REAL NOT NULL,
                    pValue REAL NOT NULL,
                    adopted INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    corpus TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX weightsFitByTarget ON weightsFit(target, adopted);
                """)
        }
        migrator.registerMigration("4 events, meetings and their ratings") { db in
            try db.execute(sql: """
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    heldOn TEXT NOT NULL,
                    place TEXT NOT NULL DEFAULT '',
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    eventID INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                    demandID TEXT NOT NULL,
                    supplyID TEXT NOT NULL,
                    target TEXT NOT NULL DEFAULT 'achievement',
                    slot TEXT NOT NULL DEFAULT '',
                    tableNumber INTEGER,
                    UNIQUE (eventID, demandID, supplyID)
                );
                CREATE TABLE meetingRating (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    meetingID INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    side TEXT NOT NULL CHECK (side IN ('demand', 'supply')),
                    stage TEXT NOT NULL CHECK (stage IN ('after-event', 'follow-up')),
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                    agreement INTEGER NOT NULL DEFAULT 0,
                    note TEXT NOT NULL DEFAULT '',
                    userID INTEGER REFERENCES user(id),
                    at INTEGER NOT NULL
                );
                CREATE INDEX ratingByMeeting ON meetingRating(meetingID);
                ALTER TABLE deal ADD COLUMN meetingID INTEGER REFERENCES meeting(id);
                """)
        }
        return migrator
    }
}
