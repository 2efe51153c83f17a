-- Schema version 8: the ledger of time entries. Each transition is written in the transaction that queues its event;
-- the ledger has its own retention (by the entry's start) and is never purged with sent items.
CREATE TABLE TB_LEDGER (
    ENTRY_ID VARCHAR(36) NOT NULL,
    SEQ INT NOT NULL,
    KIND VARCHAR(16) NOT NULL,
    OCCURRED_AT BIGINT NOT NULL,
    WORKED_MS BIGINT NOT NULL,
    STARTED_AT BIGINT NOT NULL,
    PAYLOAD VARCHAR(32672) NOT NULL,
    CONSTRAINT TB_LEDGER_PK PRIMARY KEY (ENTRY_ID, SEQ)
);
CREATE INDEX TB_LEDGER_STARTED_AT ON TB_LEDGER (STARTED_AT);
