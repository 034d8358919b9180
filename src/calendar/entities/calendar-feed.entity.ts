import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { User } from '../../users/entities/user.entity';

/**
 * A user's secret iCalendar feed. Only the SHA-256 of the token is stored: the URL is shown once,
 * and revoking (or renewing) deletes the row, so an old URL stops working at once.
 */
@Entity('calendar_feed')
@Unique('uq_calendar_feed_user', ['userId'])
@Unique('uq_calendar_feed_token', ['tokenHash'])
export class CalendarFeed {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column(instantColumn())
  createdAt: string;
}
