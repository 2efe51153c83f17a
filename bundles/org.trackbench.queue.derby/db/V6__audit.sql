-- Schema version 6: the audit trail of admin actions. Each row is written in the transaction of the change it
-- records; it has its own retention and is never purged with sent items.
CREATE TABLE TB_AUDIT (
    ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY,
    RECORDED_AT BIGINT NOT NULL,
    OS_USER VARCHAR(256) NOT NULL,
    ORIGIN VARCHAR(256) NOT NULL,
    ADMIN_ACTION VARCHAR(32) NOT NULL,
    DETAIL VARCHAR(32672) NOT NULL,
    ITEMS BIGINT NOT NULL,
    CONSTRAINT TB_AUDIT_PK PRIMARY KEY (ID)
);
CREATE INDEX TB_AUDIT_RECORDED_AT ON TB_AUDIT (RECORDED_AT);
