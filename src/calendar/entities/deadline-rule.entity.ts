import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';
import { Funder } from '../../funders/funder.entity';
import { PublicCall } from '../../funders/public-call.entity';
import { FundingPeriod } from '../../projects/entities/funding-period.entity';
import type { DeadlineKind } from '../deadlines';

/**
 * A reporting deadline rule of a funder, a public call or one contract (funding period); exactly
 * one of the three is set. See `deadlines.ts` for what each kind means.
 */
@Entity('deadline_rule')
export class DeadlineRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 30 })
  kind: DeadlineKind;

  @Column({ type: 'integer', nullable: true })
  funderId: number | null;

  @ManyToOne(() => Funder, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'funderId' })
  funder?: Funder | null;

  @Column({ type: 'integer', nullable: true })
  publicCallId: number | null;

  @ManyToOne(() => PublicCall, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'publicCallId' })
  publicCall?: PublicCall | null;

  @Column({ type: 'integer', nullable: true })
  fundingPeriodId: number | null;

  @ManyToOne(() => FundingPeriod, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'fundingPeriodId' })
  fundingPeriod?: FundingPeriod | null;

  @Column({ type: 'integer', nullable: true })
  month: number | null;

  @Column({ type: 'integer', nullable: true })
  day: number | null;

  @Column({ type: 'integer', nullable: true })
  daysAfterEnd: number | null;

  @Column(dateColumn({ nullable: true }))
  dueDate: string | null;

  @Column({ type: 'integer', nullable: true })
  forYear: number | null;

  /** Slovene title shown in the calendar, e.g. "Letno poročilo ESS (e-MA)". */
  @Column({ type: 'varchar', length: 200 })
  title: string;
}
