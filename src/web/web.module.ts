import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** The web interface for NGO staff: static pages at `/` that use the JSON API under `/api`. */
@Module({ controllers: [WebController] })
export class WebModule {}
