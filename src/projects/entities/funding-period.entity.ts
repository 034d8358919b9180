import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, decimalColumn } from '../../database/columns';
import { PublicCall } from '../../funders/public-call.entity';
import { FundingPeriodFunder } from './funding-period-funder.entity';
import { Project } from './project.entity';

/** A contract period of a project, e.g. 1. 10. 2019 – 30. 9. 2023 with 382.188,56 € from MJU. */
@Entity('funding_period')
@Index('ix_funding_period_project', ['projectId'])
export class FundingPeriod {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, (p) => p.fundingPeriods, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column(dateColumn())
  startDate: string;

  @Column(dateColumn())
  endDate: string;

  /** Contract amount in EUR as an exact decimal string; null where the sources give none. */
  @Column(decimalColumn({ nullable: true }))
  amountEur: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contractReference: string | null;

  @Column({ type: 'integer', nullable: true })
  publicCallId: number | null;

  @ManyToOne(() => PublicCall, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'publicCallId' })
  publicCall?: PublicCall | null;

  @OneToMany(() => FundingPeriodFunder, (f) => f.fundingPeriod)
  funders?: FundingPeriodFunder[];
}
