// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// oidc-provider storage adapter on the shared SQLite database, so sessions, grants and
// refresh tokens survive a restart and are shared by several processes on one file.
export function makeSqliteAdapterClass(db) {
  const sql = {
    upsert: db.prepare(`INSERT INTO oidc_payloads (model, id, payload, expiresAt, grantId, userCode, uid)
                        VALUES (@model, @id, @payload, @expiresAt, @grantId, @userCode, @uid)
                        ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload,
                          expiresAt = excluded.expiresAt, grantId = excluded.grantId,
                          userCode = excluded.userCode, uid = excluded.uid`),
    find: db.prepare('SELECT payload, expiresAt FROM oidc_payloads WHERE model = ? AND id = ?'),
    findByUid: db.prepare('SELECT payload, expiresAt FROM oidc_payloads WHERE model = ? AND uid = ?'),
    findByUserCode: db.prepare('SELECT payload, expiresAt FROM oidc_payloads WHERE model = ? AND userCode = ?'),
    consume: db.prepare(`UPDATE oidc_payloads SET payload = json_set(payload, '$.consumed', ?)
                         WHERE model = ? AND id = ?`),
    destroy: db.prepare('DELETE FROM oidc_payloads WHERE model = ? AND id = ?'),
    revokeByGrantId: db.prepare('DELETE FROM oidc_payloads WHERE grantId = ?'),
    purgeExpired: db.prepare('DELETE FROM oidc_payloads WHERE expiresAt IS NOT NULL AND expiresAt < ?'),
  };

  const epoch = () => Math.floor(Date.now() / 1000);
  const live = (row) => (row && (row.expiresAt === null || row.expiresAt > epoch()) ? JSON.parse(row.payload) : undefined);

  return class SqliteAdapter {
    constructor(model) {
      this.model = model;
    }

    async upsert(id, payload, expiresIn) {
      sql.upsert.run({
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        expiresAt: expiresIn ? epoch() + expiresIn : null,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
      });
    }

    async find(id) {
      return live(sql.find.get(this.model, id));
    }

    async findByUid(uid) {
      return live(sql.findByUid.get(this.model, uid));
    }

    async findByUserCode(userCode) {
      return live(sql.findByUserCode.get(this.model, userCode));
    }

    async consume(id) {
      sql.consume.run(epoch(), this.model, id);
    }

    async destroy(id) {
      sql.destroy.run(this.model, id);
    }

    async revokeByGrantId(grantId) {
      sql.revokeByGrantId.run(grantId);
    }

    static purgeExpired() {
      sql.purgeExpired.run(epoch());
    }
  };
}
