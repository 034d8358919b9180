import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { decimalColumn } from '../../database/columns';
import { Funder } from '../../funders/funder.entity';
import { FundingPeriod } from './funding-period.entity';

/** A funder of a funding period with its share of co-financing (e.g. ESS 80 %, MDDSZ 20 %). */
@Entity('funding_period_funder')
@Unique('uq_funding_period_funder', ['fundingPeriodId', 'funderId'])
export class FundingPeriodFunder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  fundingPeriodId: number;

  @ManyToOne(() => FundingPeriod, (p) => p.funders, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fundingPeriodId' })
  fundingPeriod?: FundingPeriod;

  @Column({ type: 'integer' })
  funderId: number;

  @ManyToOne(() => Funder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funderId' })
  funder?: Funder;

  @Column(decimalColumn({ nullable: true }))
  sharePercent: string | null;

  @Column(decimalColumn({ nullable: true }))
  amountEur: string | null;
}
