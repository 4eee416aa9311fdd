import { captureConsole } from './log-capture';

captureConsole();
