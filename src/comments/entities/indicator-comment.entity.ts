import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { Indicator } from '../../indicators/entities/indicator.entity';

/** A comment on an indicator's year, between manager, coordinator and the funder's reviewer. */
@Entity('indicator_comment')
@Index('ix_indicator_comment', ['indicatorId', 'year'])
export class IndicatorComment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  author: string;

  @Column({ type: 'varchar', length: 20 })
  authorRole: string;

  @Column({ type: 'text' })
  text: string;

  @Column(instantColumn())
  createdAt: string;
}
