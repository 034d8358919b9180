import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';

/** A token ended by logout before its expiry; kept until then, swept afterwards. */
@Entity('revoked_token')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti: string;

  /** When the token would have expired: after this the row is no longer needed. */
  @Column(instantColumn())
  expiresAt: string;
}
