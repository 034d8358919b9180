import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Funder } from './funder.entity';

/** A public call (javni razpis) under which a grant was awarded. */
@Entity('public_call')
export class PublicCall {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  funderId: number;

  @ManyToOne(() => Funder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funderId' })
  funder?: Funder;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;
}
