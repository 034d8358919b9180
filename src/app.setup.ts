import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { applySecurity } from './auth/security';
import { BodyRulesGuard } from './common/body/body-rules.guard';
import { TextBoundaryPipe } from './common/text/text-boundary.pipe';
import { createValidationPipe } from './common/validation';

/** Everything main.ts and the end-to-end tests apply to the app alike. */
export function configureApp(app: INestApplication): void {
  applySecurity(app);
  // Text first: validation sees only well-formed NFC text.
  app.useGlobalPipes(new TextBoundaryPipe(), createValidationPipe());
  // After the access guard (APP_GUARD), which Nest registers first.
  app.useGlobalGuards(new BodyRulesGuard());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kazalnik API')
      .setDescription('Kazalniki programov in letna poročila financerjem')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
